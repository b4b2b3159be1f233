/* kw-connection-store-changes.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Adding and removing connections: each change rewrites the user's
 * connections.ini, one change at a time. */

#include "config.h"

#include "kw-connection-store-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

typedef enum
{
  CHANGE_ADD,
  CHANGE_REMOVE,
} ChangeKind;

typedef struct
{
  ChangeKind     kind;
  char          *id;
  KwConnection  *connection;    /* add: what to store */
  gboolean       replace;
  KwSecretStore *secrets;       /* remove: where the client secret is */
  KwConnection  *removed;       /* remove: the user connection removed */
  GHashTable    *new_user;      /* the user connections being written */
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_free (data->id);
  g_clear_object (&data->connection);
  g_clear_object (&data->secrets);
  g_clear_object (&data->removed);
  g_clear_pointer (&data->new_user, g_hash_table_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeData, change_data_free)

static void start_change (KwConnectionStore *self,
                          GTask             *task);

static GHashTable *
connection_table_copy (GHashTable *table)
{
  GHashTable *copy = kw_connection_store_table_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_object_ref (value));

  return copy;
}

/* Writing */

typedef struct
{
  char   *path;
  GBytes *bytes;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->path);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static int
compare_strings_cb (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GBytes *
serialize (GHashTable *user)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (user, NULL);
  guint n_ids = g_hash_table_size (user);
  char *data;
  gsize length = 0;

  /* Sorted by id, so that a change moves as few lines as possible. */
  g_qsort_with_data (ids, n_ids, sizeof (char *), compare_strings_cb, NULL);
  for (guint i = 0; i < n_ids; i++)
    kw_connection_save_to_key_file (g_hash_table_lookup (user, ids[i]), key_file, ids[i], FALSE);

  if (n_ids > 0)
    g_key_file_set_comment (key_file, NULL, NULL,
                            " Keyway connections. Client secrets and AWS keys are in the "
                            "keyring, never here.", NULL);

  data = g_key_file_to_data (key_file, &length, NULL);

  return g_bytes_new_take (data, length);
}

/* In a worker thread: GLib writes a temporary file in the same folder with
 * mode 0600, syncs it and renames it over the old one, so a crash leaves
 * either the old file or the new one, and never one others can read. */
static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autofree char *folder = g_path_get_dirname (data->path);
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *contents = g_bytes_get_data (data->bytes, &length);
  int saved_errno;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved_errno = errno;
      g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                               /* Translators: the placeholders are a folder and a system error
                                * message. */
                               _("Could not create the folder %s: %s"),
                               folder, g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (data->path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                               /* Translators: the placeholder is a system error message. */
                               _("Could not save the connections: %s"), error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
write_user_file_async (KwConnectionStore   *self,
                       GHashTable          *user,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  WriteData *data = g_new0 (WriteData, 1);

  g_task_set_source_tag (task, write_user_file_async);
  /* Once written, the file is what counts, cancelled or not. */
  g_task_set_check_cancellable (task, FALSE);

  data->path = g_strdup (self->user_file);
  data->bytes = serialize (user);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
write_user_file_finish (KwConnectionStore  *self,
                        GAsyncResult       *result,
                        GError            **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The queue of changes */

static void
enqueue_change (KwConnectionStore *self,
                GTask             *task)
{
  g_queue_push_tail (&self->pending, g_object_ref (task));

  if (g_queue_get_length (&self->pending) == 1)
    start_change (self, task);
}

/* Called once the head change has returned its result. */
static void
finish_change (KwConnectionStore *self,
               GTask             *task)
{
  GTask *next;

  g_assert (g_queue_peek_head (&self->pending) == task);

  g_object_unref (g_queue_pop_head (&self->pending));

  next = g_queue_peek_head (&self->pending);
  if (next != NULL)
    start_change (self, next);
}

static void
return_change_error (KwConnectionStore *self,
                     GTask             *task,
                     GError            *error)
{
  g_task_return_error (task, error);
  finish_change (self, task);
}

/* Whether another connection, user or system, shares the keyring item of
 * @connection's client secret. */
static gboolean
client_secret_is_shared (KwConnectionStore *self,
                         KwConnection      *connection)
{
  GHashTable *tables[] = { self->user, self->system };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          KwConnection *other = value;

          if (kw_connection_get_has_client_secret (other) &&
              strcmp (kw_connection_get_region (other),
                      kw_connection_get_region (connection)) == 0 &&
              strcmp (kw_connection_get_client_id (other),
                      kw_connection_get_client_id (connection)) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static void
clear_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwConnectionStore *self = g_task_get_source_object (task);
  ChangeData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The connection is gone either way; a secret left behind is not worth
   * undoing that for, but someone should be able to find out. */
  if (!kw_secret_store_clear_finish (KW_SECRET_STORE (object), result, &error))
    g_warning ("Removed the connection “%s”, but not its client secret from the keyring: %s",
               data->id, error->message);

  g_task_return_boolean (task, TRUE);
  finish_change (self, task);
}

static void
write_change_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KwConnectionStore *self = KW_CONNECTION_STORE (object);
  g_autoptr(GTask) task = user_data;
  ChangeData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!write_user_file_finish (self, result, &error))
    {
      return_change_error (self, task, error);
      return;
    }

  g_clear_pointer (&self->user, g_hash_table_unref);
  self->user = g_steal_pointer (&data->new_user);
  kw_connection_store_update_item (self, data->id);

  if (data->kind == CHANGE_REMOVE &&
      data->secrets != NULL &&
      kw_connection_get_has_client_secret (data->removed) &&
      !client_secret_is_shared (self, data->removed))
    {
      g_autoptr(GHashTable) attributes =
        kw_secret_attributes_for_client (kw_connection_get_region (data->removed),
                                         kw_connection_get_client_id (data->removed));

      /* Not the caller's cancellable: the connection is already gone. */
      kw_secret_store_clear_async (data->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                   NULL, clear_secret_cb, g_steal_pointer (&task));
      return;
    }

  g_task_return_boolean (task, TRUE);
  finish_change (self, task);
}

/* Whether @id may be added; also used before an import touches the keyring. */
gboolean
kw_connection_store_check_add (KwConnectionStore  *self,
                               const char         *id,
                               gboolean            replace,
                               GError            **error)
{
  if (self->user_file_error != NULL)
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                   /* Translators: the placeholder is an error message on the
                    * person's own connections file. */
                   _("Keyway does not change your connections until this is fixed: %s"),
                   self->user_file_error->message);
      return FALSE;
    }

  /* A system connection is the administrator's: a person can neither
   * replace it nor hide it behind one of their own with its id. */
  if (!g_hash_table_contains (self->user, id) && g_hash_table_contains (self->system, id))
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY,
                   /* Translators: the placeholder is a connection's id. */
                   _("The connection “%s” is set up for everyone on this computer and "
                     "cannot be replaced"),
                   id);
      return FALSE;
    }

  if (g_hash_table_contains (self->user, id) && !replace)
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_EXISTS,
                   /* Translators: the placeholder is a connection's id. */
                   _("There is already a connection “%s”"), id);
      return FALSE;
    }

  return TRUE;
}

static void
start_change (KwConnectionStore *self,
              GTask             *task)
{
  ChangeData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      return_change_error (self, task, error);
      return;
    }

  if (data->kind == CHANGE_ADD)
    {
      if (!kw_connection_store_check_add (self, data->id, data->replace, &error))
        {
          return_change_error (self, task, error);
          return;
        }

      data->new_user = connection_table_copy (self->user);
      g_hash_table_replace (data->new_user, g_strdup (data->id),
                            g_object_ref (data->connection));
    }
  else
    {
      KwConnection *removed = g_hash_table_lookup (self->user, data->id);

      if (removed == NULL && g_hash_table_contains (self->system, data->id))
        {
          return_change_error (self, task,
                               g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY,
                                            /* Translators: the placeholder is a connection's id. */
                                            _("The connection “%s” is set up for everyone "
                                              "on this computer and cannot be removed"),
                                            data->id));
          return;
        }

      if (self->user_file_error != NULL)
        {
          return_change_error (self, task,
                               g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                                            /* Translators: the placeholder is an error message on
                                             * the person's own connections file. */
                                            _("Keyway does not change your connections "
                                              "until this is fixed: %s"),
                                            self->user_file_error->message));
          return;
        }

      if (removed == NULL)
        {
          return_change_error (self, task,
                               g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND,
                                            /* Translators: the placeholder is a connection's id. */
                                            _("There is no connection “%s”"), data->id));
          return;
        }

      data->removed = g_object_ref (removed);
      data->new_user = connection_table_copy (self->user);
      g_hash_table_remove (data->new_user, data->id);
    }

  write_user_file_async (self, data->new_user, g_task_get_cancellable (task),
                         write_change_cb, g_object_ref (task));
}

/**
 * kw_connection_store_add_async:
 * @self: a #KwConnectionStore
 * @connection: the connection to add; it is validated first
 * @replace: whether to replace the user's own connection with that id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written, or the change refused
 * @user_data: data for @callback
 *
 * Adds @connection as a user connection and rewrites the user file
 * atomically with mode 0600 (its folder is created with mode 0700). The
 * model changes only once the file is written. An id taken by a user
 * connection is %KW_CONNECTION_ERROR_EXISTS unless @replace; an id taken by
 * a system connection is %KW_CONNECTION_ERROR_READ_ONLY.
 */
void
kw_connection_store_add_async (KwConnectionStore   *self,
                               KwConnection        *connection,
                               gboolean             replace,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ChangeData) data = NULL;
  GError *error = NULL;

  g_return_if_fail (KW_IS_CONNECTION_STORE (self));
  g_return_if_fail (KW_IS_CONNECTION (connection));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_connection_store_add_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!kw_connection_validate (connection, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (ChangeData, 1);
  data->kind = CHANGE_ADD;
  data->id = g_strdup (kw_connection_get_id (connection));
  data->replace = replace;
  data->connection = kw_connection_copy_with (connection, KW_CONNECTION_ORIGIN_USER,
                                              kw_connection_get_has_client_secret (connection));
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) change_data_free);

  enqueue_change (self, task);
}

gboolean
kw_connection_store_add_finish (KwConnectionStore  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_connection_store_add_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kw_connection_store_remove_async:
 * @self: a #KwConnectionStore
 * @id: the id of a user connection
 * @secrets: (nullable): where the connection's client secret is kept
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes a user connection and rewrites the user file; a system connection
 * with the same id shows again. System connections are
 * %KW_CONNECTION_ERROR_READ_ONLY.
 *
 * With @secrets, the client secret is then cleared from it, unless another
 * connection uses the same client. Failing to clear it does not undo the
 * removal: the call still succeeds, and the failure is logged as a warning.
 */
void
kw_connection_store_remove_async (KwConnectionStore   *self,
                                  const char          *id,
                                  KwSecretStore       *secrets,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ChangeData *data;

  g_return_if_fail (KW_IS_CONNECTION_STORE (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (secrets == NULL || KW_IS_SECRET_STORE (secrets));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_connection_store_remove_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ChangeData, 1);
  data->kind = CHANGE_REMOVE;
  data->id = g_strdup (id);
  data->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) change_data_free);

  enqueue_change (self, task);
}

gboolean
kw_connection_store_remove_finish (KwConnectionStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_connection_store_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
