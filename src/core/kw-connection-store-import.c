/* kw-connection-store-import.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Importing a .keyway file: its client secret goes to the keyring, then the
 * connection is added; if adding fails, the keyring gets back what it held. */

#include "config.h"

#include "kw-connection-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

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

  /* Clearing answers FALSE with no error when the item is already gone. */
  if (!undone && error != NULL)
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
      KwConnection *stored = kw_connection_store_lookup (self,
                                                         kw_connection_get_id (data->connection));

      g_task_return_pointer (task, g_object_ref (stored), g_object_unref);
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
                               /* Translators: the placeholders are a file name and a system error
                                * message. */
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
  if (!kw_connection_store_check_add (self, kw_connection_get_id (parsed),
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
