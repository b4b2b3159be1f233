/* kw-connection-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connection-store.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#define CONNECTIONS_FOLDER "keyway"
#define CONNECTIONS_FILE   "connections.ini"

/* The user's connections.ini is rewritten whole for every change. Changes
 * run one at a time, in the order they were asked for, so that two of them
 * never write from the same old state and lose one another. Each change is
 * a GTask in @pending; the head is the one running. */
struct _KwConnectionStore
{
  GObject     parent_instance;

  char       *user_file;
  GStrv       system_dirs;      /* nullable: g_get_system_config_dirs() */
  GHashTable *user;             /* id → KwConnection of origin USER */
  GHashTable *system;           /* id → KwConnection of origin SYSTEM */
  GPtrArray  *items;            /* what the model shows, sorted */
  GQueue      pending;
  /* The user file exists but could not be read: it is never overwritten,
   * so that a typo does not cost a person all their connections. */
  GError     *user_file_error;
};

static void kw_connection_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwConnectionStore, kw_connection_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kw_connection_store_list_model_init))

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
connection_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static GHashTable *
connection_table_copy (GHashTable *table)
{
  GHashTable *copy = connection_table_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_object_ref (value));

  return copy;
}

/* GListModel */

static GType
kw_connection_store_get_item_type (GListModel *model)
{
  return KW_TYPE_CONNECTION;
}

static guint
kw_connection_store_get_n_items (GListModel *model)
{
  return KW_CONNECTION_STORE (model)->items->len;
}

static gpointer
kw_connection_store_get_item (GListModel *model,
                              guint       position)
{
  KwConnectionStore *self = KW_CONNECTION_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
kw_connection_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kw_connection_store_get_item_type;
  iface->get_n_items = kw_connection_store_get_n_items;
  iface->get_item = kw_connection_store_get_item;
}

/* By name as a person reads it, then by id so that the order is stable. */
static int
compare_connections (KwConnection *a,
                     KwConnection *b)
{
  int result = g_utf8_collate (kw_connection_get_name (a), kw_connection_get_name (b));

  if (result != 0)
    return result;

  return strcmp (kw_connection_get_id (a), kw_connection_get_id (b));
}

static int
compare_connections_cb (gconstpointer a,
                        gconstpointer b)
{
  return compare_connections (*(KwConnection * const *) a, *(KwConnection * const *) b);
}

static int
find_item (KwConnectionStore *self,
           const char        *id)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      if (strcmp (kw_connection_get_id (g_ptr_array_index (self->items, i)), id) == 0)
        return (int) i;
    }

  return -1;
}

static guint
insertion_point (KwConnectionStore *self,
                 KwConnection      *connection)
{
  guint position = 0;

  while (position < self->items->len &&
         compare_connections (g_ptr_array_index (self->items, position), connection) < 0)
    position++;

  return position;
}

/* A user connection hides a system one with the same id. */
static KwConnection *
visible_connection (KwConnectionStore *self,
                    const char        *id)
{
  KwConnection *connection = g_hash_table_lookup (self->user, id);

  return connection != NULL ? connection : g_hash_table_lookup (self->system, id);
}

/* Brings the item for @id in line with the tables, with the fewest
 * items-changed: one (pos, 1, 1) when the item keeps its place. */
static void
update_item (KwConnectionStore *self,
             const char        *id)
{
  KwConnection *connection = visible_connection (self, id);
  int old_position = find_item (self, id);
  guint position;

  if (old_position >= 0)
    g_ptr_array_remove_index (self->items, old_position);

  if (connection == NULL)
    {
      if (old_position >= 0)
        g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      return;
    }

  position = insertion_point (self, connection);
  if (old_position >= 0 && position != (guint) old_position)
    g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);

  g_ptr_array_insert (self->items, position, g_object_ref (connection));

  if (old_position >= 0 && position == (guint) old_position)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* GObject */

static void
kw_connection_store_finalize (GObject *object)
{
  KwConnectionStore *self = KW_CONNECTION_STORE (object);

  /* Every change holds a reference on the store until it is done. */
  g_assert (g_queue_is_empty (&self->pending));

  g_clear_pointer (&self->user_file, g_free);
  g_clear_pointer (&self->system_dirs, g_strfreev);
  g_clear_pointer (&self->user, g_hash_table_unref);
  g_clear_pointer (&self->system, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_error (&self->user_file_error);

  G_OBJECT_CLASS (kw_connection_store_parent_class)->finalize (object);
}

static void
kw_connection_store_class_init (KwConnectionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_connection_store_finalize;
}

static void
kw_connection_store_init (KwConnectionStore *self)
{
  self->user = connection_table_new ();
  self->system = connection_table_new ();
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->pending);
}

/**
 * kw_connection_store_new:
 * @user_file: (nullable): the user's connections.ini; %NULL for
 *   $XDG_CONFIG_HOME/keyway/connections.ini
 * @system_dirs: (nullable) (array zero-terminated=1): the folders whose
 *   keyway/connections.ini hold system connections, the first winning;
 *   %NULL for $XDG_CONFIG_DIRS
 *
 * Creates an empty store; kw_connection_store_load() reads the files.
 *
 * Returns: (transfer full): a new store
 */
KwConnectionStore *
kw_connection_store_new (const char         *user_file,
                         const char * const *system_dirs)
{
  KwConnectionStore *self = g_object_new (KW_TYPE_CONNECTION_STORE, NULL);

  if (user_file != NULL)
    self->user_file = g_strdup (user_file);
  else
    self->user_file = g_build_filename (g_get_user_config_dir (), CONNECTIONS_FOLDER,
                                        CONNECTIONS_FILE, NULL);
  self->system_dirs = g_strdupv ((char **) system_dirs);

  return self;
}

const char *
kw_connection_store_get_user_file (KwConnectionStore *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), NULL);

  return self->user_file;
}

/**
 * kw_connection_store_lookup:
 * @self: a #KwConnectionStore
 * @id: a connection id
 *
 * Returns: (transfer none) (nullable): the connection the model shows for
 *   @id: the user's own, else the system's
 */
KwConnection *
kw_connection_store_lookup (KwConnectionStore *self,
                            const char        *id)
{
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return visible_connection (self, id);
}

/* Loading */

/* The connections of one connections.ini, all or none. A missing file is an
 * empty one. */
static GHashTable *
read_connections (const char          *path,
                  KwConnectionOrigin   origin,
                  GError             **error)
{
  g_autoptr(GHashTable) table = connection_table_new ();
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) groups = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      /* Not there, or a file where a folder of its path should be, which
       * saving will then report. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR))
        return g_steal_pointer (&table);

      /* GLib's message names the file and the reason. */
      g_set_error_literal (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                           local_error->message);
      return NULL;
    }

  key_file = kw_connection_load_key_file (data, length, path, error);
  if (key_file == NULL)
    return NULL;

  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      KwConnection *connection;
      char *secret = NULL;

      connection = kw_connection_new_from_key_file (key_file, groups[i], groups[i], path, data,
                                                    origin, &secret, error);
      if (connection == NULL)
        return NULL;

      /* Someone edited the file by hand. The secret is not used from here
       * (it would stay in a readable file), and the next save drops it. */
      if (secret != NULL)
        {
          g_warning ("%s: ignoring the ClientSecret of [%s]: secrets belong in the keyring; "
                     "import a .keyway file instead", path, groups[i]);
          kw_secret_free (secret);
        }

      g_hash_table_insert (table, g_strdup (groups[i]), connection);
    }

  return g_steal_pointer (&table);
}

/**
 * kw_connection_store_load:
 * @self: a #KwConnectionStore
 * @error: return location for a %KW_CONNECTION_ERROR error
 *
 * Reads the system files and the user's file, replacing what the store
 * held. A system file that cannot be read or parsed is skipped with a
 * warning, since the desktop must still start. A user file that cannot is
 * an error: none of it is used, and the store refuses to overwrite it until
 * a later load succeeds.
 *
 * Reading is synchronous: it happens once at startup, on small files.
 *
 * Returns: %TRUE if the user's file was read (or does not exist)
 */
gboolean
kw_connection_store_load (KwConnectionStore  *self,
                          GError            **error)
{
  g_autoptr(GHashTable) system = connection_table_new ();
  g_autoptr(GHashTable) user = NULL;
  g_autoptr(GError) user_error = NULL;
  const char * const *dirs;
  GHashTableIter iter;
  gpointer key, value;
  guint old_n_items;

  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dirs = self->system_dirs != NULL
    ? (const char * const *) self->system_dirs
    : g_get_system_config_dirs ();

  /* Earlier folders win, as the XDG base directory specification says. */
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], CONNECTIONS_FOLDER,
                                                CONNECTIONS_FILE, NULL);
      g_autoptr(GHashTable) found = NULL;
      g_autoptr(GError) local_error = NULL;

      found = read_connections (path, KW_CONNECTION_ORIGIN_SYSTEM, &local_error);
      if (found == NULL)
        {
          g_warning ("Skipping the system connections: %s", local_error->message);
          continue;
        }

      g_hash_table_iter_init (&iter, found);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (!g_hash_table_contains (system, key))
            g_hash_table_insert (system, g_strdup (key), g_object_ref (value));
        }
    }

  user = read_connections (self->user_file, KW_CONNECTION_ORIGIN_USER, &user_error);
  if (user == NULL)
    user = connection_table_new ();

  g_clear_error (&self->user_file_error);
  if (user_error != NULL)
    self->user_file_error = g_error_copy (user_error);

  g_clear_pointer (&self->system, g_hash_table_unref);
  g_clear_pointer (&self->user, g_hash_table_unref);
  self->system = g_steal_pointer (&system);
  self->user = g_steal_pointer (&user);

  old_n_items = self->items->len;
  g_ptr_array_set_size (self->items, 0);

  g_hash_table_iter_init (&iter, self->system);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (self->items, g_object_ref (visible_connection (self, key)));
  g_hash_table_iter_init (&iter, self->user);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (self->system, key))
        g_ptr_array_add (self->items, g_object_ref (value));
    }
  g_ptr_array_sort (self->items, compare_connections_cb);

  if (old_n_items > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->items->len);

  if (user_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&user_error));
      return FALSE;
    }

  return TRUE;
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
                               _("Could not create the folder %s: %s"),
                               folder, g_strerror (saved_errno));
      return;
    }

  if (!g_file_set_contents_full (data->path, contents, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
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
  update_item (self, data->id);

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
static gboolean
check_add (KwConnectionStore  *self,
           const char         *id,
           gboolean            replace,
           GError            **error)
{
  if (self->user_file_error != NULL)
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                   _("Keyway does not change your connections until this is fixed: %s"),
                   self->user_file_error->message);
      return FALSE;
    }

  /* A system connection is the administrator's: a person can neither
   * replace it nor hide it behind one of their own with its id. */
  if (!g_hash_table_contains (self->user, id) && g_hash_table_contains (self->system, id))
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY,
                   _("The connection “%s” is set up for everyone on this computer and "
                     "cannot be replaced"),
                   id);
      return FALSE;
    }

  if (g_hash_table_contains (self->user, id) && !replace)
    {
      g_set_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_EXISTS,
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
      if (!check_add (self, data->id, data->replace, &error))
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
                                            _("The connection “%s” is set up for everyone "
                                              "on this computer and cannot be removed"),
                                            data->id));
          return;
        }

      if (self->user_file_error != NULL)
        {
          return_change_error (self, task,
                               g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                                            _("Keyway does not change your connections "
                                              "until this is fixed: %s"),
                                            self->user_file_error->message));
          return;
        }

      if (removed == NULL)
        {
          return_change_error (self, task,
                               g_error_new (KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND,
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

/* Importing */

typedef struct
{
  KwSecretStore *secrets;
  KwImportFlags  flags;
  KwConnection  *connection;
  char          *file_name;
  char          *secret;
  char          *old_secret;   /* the keyring's secret for the client before */
  gboolean       secret_stored;
  GError        *error;        /* the add's error, returned after undoing */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->secrets);
  g_clear_object (&data->connection);
  g_free (data->file_name);
  g_clear_pointer (&data->secret, kw_secret_free);
  g_clear_pointer (&data->old_secret, kw_secret_free);
  g_clear_error (&data->error);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportData, import_data_free)

static GHashTable *
client_attributes (KwConnection *connection)
{
  return kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                          kw_connection_get_client_id (connection));
}

static void
undo_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean undone;

  if (data->old_secret != NULL)
    undone = kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error);
  else
    undone = kw_secret_store_clear_finish (KW_SECRET_STORE (object), result, &error);

  if (!undone)
    g_warning ("Could not take back the client secret of “%s” after a failed import: %s",
               kw_connection_get_id (data->connection), error->message);

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
import_add_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KwConnectionStore *self = KW_CONNECTION_STORE (object);
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;

  if (kw_connection_store_add_finish (self, result, &data->error))
    {
      g_task_return_pointer (task,
                             g_object_ref (visible_connection (self,
                                                               kw_connection_get_id (data->connection))),
                             g_object_unref);
      return;
    }

  if (!data->secret_stored)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  /* Nothing of a failed import stays behind: the keyring gets back what it
   * had for this client. No cancellable, so that this always happens. */
  attributes = client_attributes (data->connection);
  if (data->old_secret != NULL)
    {
      label = kw_secret_label_for_client (kw_connection_get_name (data->connection),
                                          kw_connection_get_client_id (data->connection));
      kw_secret_store_store_async (data->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                   label, data->old_secret, NULL, undo_secret_cb,
                                   g_steal_pointer (&task));
    }
  else
    kw_secret_store_clear_async (data->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                 NULL, undo_secret_cb, g_steal_pointer (&task));
}

static void
import_add (GTask *task)
{
  KwConnectionStore *self = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);

  kw_connection_store_add_async (self, data->connection,
                                 (data->flags & KW_IMPORT_FLAGS_REPLACE) != 0,
                                 g_task_get_cancellable (task), import_add_cb,
                                 g_object_ref (task));
}

static void
store_secret_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->secret_stored = TRUE;
  g_clear_pointer (&data->secret, kw_secret_free);
  import_add (task);
}

static void
lookup_old_secret_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  data->old_secret = kw_secret_store_lookup_finish (KW_SECRET_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  attributes = client_attributes (data->connection);
  label = kw_secret_label_for_client (kw_connection_get_name (data->connection),
                                      kw_connection_get_client_id (data->connection));
  cancellable = g_task_get_cancellable (task);
  kw_secret_store_store_async (data->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, label,
                               data->secret, cancellable, store_secret_cb,
                               g_steal_pointer (&task));
}

static void
load_contents_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwConnectionStore *self = g_task_get_source_object (task);
  ImportData *data = g_task_get_task_data (task);
  g_autoptr(KwConnection) parsed = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) local_error = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL,
                                    &local_error))
    {
      g_task_return_new_error (task, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO,
                               _("Could not read %s: %s"), data->file_name,
                               local_error->message);
      return;
    }

  parsed = kw_connection_new_from_file_data (contents, length, data->file_name,
                                             &data->secret, &error);
  explicit_bzero (contents, length);
  g_free (contents);

  if (parsed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Refused before the keyring is touched, so a refusal changes nothing. */
  if (!check_add (self, kw_connection_get_id (parsed),
                  (data->flags & KW_IMPORT_FLAGS_REPLACE) != 0, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data->connection = kw_connection_copy_with (parsed, KW_CONNECTION_ORIGIN_USER,
                                              kw_connection_get_has_client_secret (parsed));

  if (data->secret == NULL)
    {
      import_add (task);
      return;
    }

  /* What the keyring holds for this client now, to put back if adding the
   * connection fails after the new secret is stored. */
  attributes = client_attributes (data->connection);
  cancellable = g_task_get_cancellable (task);
  kw_secret_store_lookup_async (data->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                cancellable, lookup_old_secret_cb, g_steal_pointer (&task));
}

/**
 * kw_connection_store_import_async:
 * @self: a #KwConnectionStore
 * @file: a .keyway file
 * @secrets: where to keep the file's client secret
 * @flags: %KW_IMPORT_FLAGS_REPLACE to replace a user connection with the
 *   same id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Reads and validates the whole file, stores its ClientSecret (if any) in
 * @secrets, then adds the connection as kw_connection_store_add_async()
 * does. All or nothing: a bad file, a taken id or a keyring failure (its
 * %KW_SECRET_ERROR) changes nothing, and if saving the connection fails
 * after the secret was stored, the keyring gets back what it held.
 */
void
kw_connection_store_import_async (KwConnectionStore   *self,
                                  GFile               *file,
                                  KwSecretStore       *secrets,
                                  KwImportFlags        flags,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (KW_IS_CONNECTION_STORE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (KW_IS_SECRET_STORE (secrets));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_connection_store_import_async);
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (ImportData, 1);
  data->secrets = g_object_ref (secrets);
  data->flags = flags;
  data->file_name = g_file_get_basename (file);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);

  g_file_load_contents_async (file, cancellable, load_contents_cb, g_steal_pointer (&task));
}

/**
 * kw_connection_store_import_finish:
 *
 * Returns: (transfer full): the connection as stored (origin
 *   %KW_CONNECTION_ORIGIN_USER), or %NULL with @error set
 */
KwConnection *
kw_connection_store_import_finish (KwConnectionStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_connection_store_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
