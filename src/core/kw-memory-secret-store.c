/* kw-memory-secret-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-memory-secret-store.h"

#include <string.h>

struct _KwMemorySecretStore
{
  GObject     parent_instance;

  GHashTable *secrets;   /* key (see make_key) → secret, wiped when removed */
  int         failure;   /* a KwSecretError code, or -1 */
};

static void kw_memory_secret_store_iface_init (KwSecretStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KwMemorySecretStore, kw_memory_secret_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (KW_TYPE_SECRET_STORE,
                                                      kw_memory_secret_store_iface_init))

typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_CLEAR,
} Operation;

/* Per-call state, taken when the call is made: the caller may change its
 * attribute table or free its secret before the call completes. */
typedef struct
{
  Operation  operation;
  char      *key;
  char      *secret;    /* for a store */
  int        failure;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_pointer (&data->key, g_free);
  g_clear_pointer (&data->secret, kw_secret_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* One string for the kind and every attribute, in name order. Each part is
 * prefixed by its length, so no value can be made to look like another
 * attribute, whatever characters it holds. */
static char *
make_key (KwSecretKind  kind,
          GHashTable   *attributes)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree const char **names = NULL;
  guint n_names = 0;

  g_string_append_printf (key, "%d", (int) kind);

  names = (const char **) g_hash_table_get_keys_as_array (attributes, &n_names);
  g_qsort_with_data (names, n_names, sizeof (char *), compare_names, NULL);
  for (guint i = 0; i < n_names; i++)
    {
      const char *value = g_hash_table_lookup (attributes, names[i]);

      g_string_append_printf (key, ";%zu:%s=%zu:%s", strlen (names[i]), names[i],
                              strlen (value), value);
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static void
kw_memory_secret_store_finalize (GObject *object)
{
  KwMemorySecretStore *self = KW_MEMORY_SECRET_STORE (object);

  g_clear_pointer (&self->secrets, g_hash_table_unref);

  G_OBJECT_CLASS (kw_memory_secret_store_parent_class)->finalize (object);
}

static void
kw_memory_secret_store_class_init (KwMemorySecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kw_memory_secret_store_finalize;
}

static void
kw_memory_secret_store_init (KwMemorySecretStore *self)
{
  self->secrets = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         g_free, (GDestroyNotify) kw_secret_free);
  self->failure = -1;
}

/**
 * kw_memory_secret_store_new:
 *
 * A store that keeps secrets in this object only. Each secret is wiped when
 * it is replaced, cleared, or the store is finalized.
 *
 * Returns: (transfer full): a new store
 */
KwSecretStore *
kw_memory_secret_store_new (void)
{
  return g_object_new (KW_TYPE_MEMORY_SECRET_STORE, NULL);
}

/**
 * kw_memory_secret_store_set_failure:
 * @self: a memory store
 * @code: a #KwSecretError code, or -1
 *
 * Makes every call made from now on fail with @code, as a real keyring
 * might; -1 makes calls work again. For tests of the callers.
 */
void
kw_memory_secret_store_set_failure (KwMemorySecretStore *self,
                                    int                  code)
{
  g_return_if_fail (KW_IS_MEMORY_SECRET_STORE (self));
  g_return_if_fail (code >= -1 && code <= KW_SECRET_ERROR_FAILED);

  self->failure = code;
}

static void
return_failure (GTask *task,
                int    code)
{
  const char *message;

  switch (code)
    {
    case KW_SECRET_ERROR_UNAVAILABLE:
      message = "No keyring is available: the memory store was told to fail";
      break;
    case KW_SECRET_ERROR_LOCKED:
      message = "The keyring is locked: the memory store was told to fail";
      break;
    case KW_SECRET_ERROR_MALFORMED:
      message = "The keyring item is malformed: the memory store was told to fail";
      break;
    case KW_SECRET_ERROR_FAILED:
    default:
      message = "The keyring failed: the memory store was told to fail";
      break;
    }

  g_task_return_new_error (task, KW_SECRET_ERROR, code, "%s", message);
}

/* Calls run from an idle, as a real keyring's answer arrives from the main
 * loop: callers that would only work when the callback runs inside the
 * _async call fail in tests too. Idles of one priority run in the order they
 * were added, so calls apply in the order they were made. */
static gboolean
run_call_cb (gpointer user_data)
{
  GTask *task = G_TASK (user_data);
  KwMemorySecretStore *self = g_task_get_source_object (task);
  CallData *data = g_task_get_task_data (task);
  const char *secret;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  if (data->failure >= 0)
    {
      return_failure (task, data->failure);
      return G_SOURCE_REMOVE;
    }

  switch (data->operation)
    {
    case OPERATION_STORE:
      g_hash_table_replace (self->secrets, g_steal_pointer (&data->key),
                            g_steal_pointer (&data->secret));
      g_task_return_boolean (task, TRUE);
      break;
    case OPERATION_LOOKUP:
      secret = g_hash_table_lookup (self->secrets, data->key);
      g_task_return_pointer (task, g_strdup (secret), (GDestroyNotify) kw_secret_free);
      break;
    case OPERATION_CLEAR:
      g_task_return_boolean (task, g_hash_table_remove (self->secrets, data->key));
      break;
    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

static void
start_call (KwMemorySecretStore *self,
            GTask               *task,
            Operation            operation,
            KwSecretKind         kind,
            GHashTable          *attributes,
            const char          *secret)
{
  g_autoptr(CallData) data = g_new0 (CallData, 1);
  g_autoptr(GSource) source = g_idle_source_new ();

  data->operation = operation;
  data->key = make_key (kind, attributes);
  data->secret = g_strdup (secret);
  data->failure = self->failure;
  g_task_set_task_data (task, g_steal_pointer (&data), (GDestroyNotify) call_data_free);

  g_source_set_name (source, "[keyway] memory secret store call");
  g_task_attach_source (task, source, run_call_cb);
}

static void
kw_memory_secret_store_store_async (KwSecretStore       *store,
                                    KwSecretKind         kind,
                                    GHashTable          *attributes,
                                    const char          *label,
                                    const char          *secret,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  KwMemorySecretStore *self = KW_MEMORY_SECRET_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, kw_memory_secret_store_store_async);
  start_call (self, task, OPERATION_STORE, kind, attributes, secret);
}

static gboolean
kw_memory_secret_store_store_finish (KwSecretStore  *store,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_memory_secret_store_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
kw_memory_secret_store_lookup_async (KwSecretStore       *store,
                                     KwSecretKind         kind,
                                     GHashTable          *attributes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  KwMemorySecretStore *self = KW_MEMORY_SECRET_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, kw_memory_secret_store_lookup_async);
  start_call (self, task, OPERATION_LOOKUP, kind, attributes, NULL);
}

static char *
kw_memory_secret_store_lookup_finish (KwSecretStore  *store,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_memory_secret_store_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
kw_memory_secret_store_clear_async (KwSecretStore       *store,
                                    KwSecretKind         kind,
                                    GHashTable          *attributes,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  KwMemorySecretStore *self = KW_MEMORY_SECRET_STORE (store);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, kw_memory_secret_store_clear_async);
  start_call (self, task, OPERATION_CLEAR, kind, attributes, NULL);
}

static gboolean
kw_memory_secret_store_clear_finish (KwSecretStore  *store,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_memory_secret_store_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
kw_memory_secret_store_iface_init (KwSecretStoreInterface *iface)
{
  iface->store_async = kw_memory_secret_store_store_async;
  iface->store_finish = kw_memory_secret_store_store_finish;
  iface->lookup_async = kw_memory_secret_store_lookup_async;
  iface->lookup_finish = kw_memory_secret_store_lookup_finish;
  iface->clear_async = kw_memory_secret_store_clear_async;
  iface->clear_finish = kw_memory_secret_store_clear_finish;
}
