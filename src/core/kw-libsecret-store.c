/* kw-libsecret-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-libsecret-store.h"

/* Only libsecret's password calls are used: they go through libsecret's
 * backend, which is the Secret Service on the host and, inside Flatpak, a
 * file keyring whose key comes from the Secret portal. SecretService and
 * SecretItem objects would always talk to org.freedesktop.secrets, which the
 * sandbox does not (and should not) let Keyway reach. */

struct _KwLibsecretStore
{
  GObject parent_instance;
};

static void kw_libsecret_store_iface_init (KwSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwLibsecretStore, kw_libsecret_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (KW_TYPE_SECRET_STORE,
                                                      kw_libsecret_store_iface_init))

/* Per-call state: what a lookup or clear that found nothing needs to ask
 * whether the item is really missing or only locked. */
typedef struct
{
  KwSecretKind  kind;
  GHashTable   *attributes;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_pointer (&data->attributes, g_hash_table_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

/* A copy: the caller may change or free its table before the call is done. */
static CallData *
call_data_new (KwSecretKind  kind,
               GHashTable   *attributes)
{
  CallData *data = g_new0 (CallData, 1);
  GHashTableIter iter;
  gpointer name, value;

  data->kind = kind;
  data->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_hash_table_insert (data->attributes, g_strdup (name), g_strdup (value));

  return data;
}

/**
 * kw_secret_schema_get:
 * @kind: which kind of item
 *
 * The libsecret schema of @kind's items. Its name ends up in the items'
 * `xdg:schema` attribute, so it is part of what is stored and must not
 * change between releases.
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
kw_secret_schema_get (KwSecretKind kind)
{
  static const SecretSchema client_secret_schema = {
    "io.github.keyway.Keyway.ClientSecret", SECRET_SCHEMA_NONE,
    {
      { KW_SECRET_ATTRIBUTE_REGION, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { KW_SECRET_ATTRIBUTE_CLIENT_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  static const SecretSchema aws_keys_schema = {
    "io.github.keyway.Keyway.AwsKeys", SECRET_SCHEMA_NONE,
    {
      { KW_SECRET_ATTRIBUTE_LABEL, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { KW_SECRET_ATTRIBUTE_ACCESS_KEY_ID, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  switch (kind)
    {
    case KW_SECRET_KIND_CLIENT_SECRET:
      return &client_secret_schema;
    case KW_SECRET_KIND_AWS_KEYS:
      return &aws_keys_schema;
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Failures that mean there is nothing to talk to: no session bus (no socket,
 * no X11 to autolaunch one), no Secret Service on it and none that can be
 * started, a keyring daemon that does not answer, no default keyring (when
 * creating one was refused), or a portal that cannot provide a secret. */
static gboolean
error_is_unavailable (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
        case G_IO_ERROR_FAILED:
        case G_IO_ERROR_CONNECTION_REFUSED:
        case G_IO_ERROR_CLOSED:
        case G_IO_ERROR_BROKEN_PIPE:
        case G_IO_ERROR_PERMISSION_DENIED:
        case G_IO_ERROR_TIMED_OUT:
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_NO_REPLY:
        case G_DBUS_ERROR_TIMEOUT:
        case G_DBUS_ERROR_TIMED_OUT:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_ACCESS_DENIED:
        case G_DBUS_ERROR_UNKNOWN_OBJECT:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }

  return FALSE;
}

/* Turns a libsecret failure into a KW_SECRET_ERROR. The caller's own
 * cancellation stays G_IO_ERROR_CANCELLED; any other "cancelled" is a prompt
 * the person dismissed (the Secret portal reports it that way), which leaves
 * the keyring locked. libsecret's messages name no secret, so they are kept
 * for the technical details. */
static GError *
map_error (const GError *error,
           GCancellable *cancellable,
           const char   *operation)
{
  g_autofree char *message = NULL;

  g_assert (error != NULL);

  if (g_dbus_error_is_remote_error (error))
    {
      g_autoptr(GError) stripped = g_error_copy (error);

      g_dbus_error_strip_remote_error (stripped);
      message = g_strdup (stripped->message);
    }
  else
    {
      message = g_strdup (error->message);
    }

  g_debug ("libsecret could not %s: %s (%s, %d)", operation, message,
           g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (cancellable))
        return g_error_copy (error);

      return g_error_new (KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED,
                          "The keyring is locked: %s", message);
    }

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new (KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED,
                        "The keyring is locked: %s", message);

  if (error_is_unavailable (error))
    return g_error_new (KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE,
                        "No keyring is available: %s", message);

  return g_error_new (KW_SECRET_ERROR, KW_SECRET_ERROR_FAILED,
                      "The keyring failed: %s", message);
}

static GError *
new_locked_error (void)
{
  return g_error_new_literal (KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED,
                              "The keyring is locked, and it was not unlocked");
}

static void
kw_libsecret_store_init (KwLibsecretStore *self)
{
}

static void
kw_libsecret_store_class_init (KwLibsecretStoreClass *klass)
{
}

/**
 * kw_libsecret_store_new:
 *
 * The desktop's keyring. Nothing is contacted until the first call, so a
 * missing keyring shows as %KW_SECRET_ERROR_UNAVAILABLE from that call.
 *
 * Returns: (transfer full): a new store
 */
KwSecretStore *
kw_libsecret_store_new (void)
{
  return g_object_new (KW_TYPE_LIBSECRET_STORE, NULL);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, map_error (error, g_task_get_cancellable (task), "store"));
  else
    /* Some Secret Service versions end a dismissed unlock prompt this way. */
    g_task_return_error (task, new_locked_error ());
}

static void
kw_libsecret_store_store_async (KwSecretStore       *store,
                                KwSecretKind         kind,
                                GHashTable          *attributes,
                                const char          *label,
                                const char          *secret,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_libsecret_store_store_async);

  /* libsecret copies @secret into its own non-pageable memory at once. */
  secret_password_storev (kw_secret_schema_get (kind), attributes, SECRET_COLLECTION_DEFAULT,
                          label, secret, cancellable, store_cb, g_steal_pointer (&task));
}

static gboolean
kw_libsecret_store_store_finish (KwSecretStore  *store,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_libsecret_store_store_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* When a lookup or clear finds nothing, the item may still be there: a
 * locked keyring whose unlock prompt was dismissed reads as empty to the
 * password API. A search that does not unlock (so asks nothing) and does not
 * load secrets tells the two apart, through the same backend. */
static void
check_locked (GTask               *task,
              GAsyncReadyCallback  callback)
{
  CallData *data = g_task_get_task_data (task);

  secret_password_searchv (kw_secret_schema_get (data->kind), data->attributes,
                           SECRET_SEARCH_NONE, g_task_get_cancellable (task),
                           callback, task);
}

/* Returns TRUE when the task is done: an error was returned, or the item is
 * there but locked. */
static gboolean
return_if_still_there (GTask        *task,
                       GAsyncResult *result,
                       const char   *operation)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_error (error, g_task_get_cancellable (task), operation));
      return TRUE;
    }

  if (items != NULL)
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_error (task, new_locked_error ());
      return TRUE;
    }

  return FALSE;
}

static void
lookup_search_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!return_if_still_there (task, result, "look up"))
    g_task_return_pointer (task, NULL, NULL);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_error (error, g_task_get_cancellable (task), "look up"));
      return;
    }

  if (password == NULL)
    {
      check_locked (g_steal_pointer (&task), lookup_search_cb);
      return;
    }

  /* The one copy out of libsecret's non-pageable memory; the caller wipes it
   * with kw_secret_free(), and secret_password_free() wipes libsecret's. */
  g_task_return_pointer (task, g_strdup (password), (GDestroyNotify) kw_secret_free);
  secret_password_free (password);
}

static void
kw_libsecret_store_lookup_async (KwSecretStore       *store,
                                 KwSecretKind         kind,
                                 GHashTable          *attributes,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(CallData) data = call_data_new (kind, attributes);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_libsecret_store_lookup_async);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) call_data_free);

  secret_password_lookupv (kw_secret_schema_get (kind), attributes, cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

static char *
kw_libsecret_store_lookup_finish (KwSecretStore  *store,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_libsecret_store_lookup_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_search_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  if (!return_if_still_there (task, result, "clear"))
    g_task_return_boolean (task, FALSE);
}

static void
clear_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (secret_password_clear_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else if (error != NULL)
    g_task_return_error (task, map_error (error, g_task_get_cancellable (task), "clear"));
  else
    check_locked (g_steal_pointer (&task), clear_search_cb);
}

static void
kw_libsecret_store_clear_async (KwSecretStore       *store,
                                KwSecretKind         kind,
                                GHashTable          *attributes,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(CallData) data = call_data_new (kind, attributes);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_libsecret_store_clear_async);
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) call_data_free);

  secret_password_clearv (kw_secret_schema_get (kind), attributes, cancellable,
                          clear_cb, g_steal_pointer (&task));
}

static gboolean
kw_libsecret_store_clear_finish (KwSecretStore  *store,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kw_libsecret_store_clear_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
kw_libsecret_store_iface_init (KwSecretStoreInterface *iface)
{
  iface->store_async = kw_libsecret_store_store_async;
  iface->store_finish = kw_libsecret_store_store_finish;
  iface->lookup_async = kw_libsecret_store_lookup_async;
  iface->lookup_finish = kw_libsecret_store_lookup_finish;
  iface->clear_async = kw_libsecret_store_clear_async;
  iface->clear_finish = kw_libsecret_store_clear_finish;
}
