/* kw-connection-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The list of connections and loading it. Adding and removing are in
 * kw-connection-store-changes.c, importing in kw-connection-store-import.c. */

#include "config.h"

#include "kw-connection-store-private.h"

#include <string.h>

#define CONNECTIONS_FOLDER "keyway"
#define CONNECTIONS_FILE   "connections.ini"

static void kw_connection_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwConnectionStore, kw_connection_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kw_connection_store_list_model_init))

/* id → KwConnection, both owned by the table. */
GHashTable *
kw_connection_store_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
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
void
kw_connection_store_update_item (KwConnectionStore *self,
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
  self->user = kw_connection_store_table_new ();
  self->system = kw_connection_store_table_new ();
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
  g_autoptr(GHashTable) table = kw_connection_store_table_new ();
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
  g_autoptr(GHashTable) system = kw_connection_store_table_new ();
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
    user = kw_connection_store_table_new ();

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
