/* test-secret-store.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-libsecret-store.h"
#include "kw-memory-secret-store.h"
#include "kw-test-utils.h"

#include <libsecret/secret.h>
#include <string.h>

/* This binary runs twice (tests/meson.build): inside keyring-session.sh,
 * where a gnome-keyring-daemon of its own answers on a private bus, and with
 * KEYWAY_TEST_NO_KEYRING set and a session bus address that leads nowhere. */

#define TEST_SECRET        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
#define TEST_OTHER_SECRET  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
#define TEST_TOKEN         "IQoJb3JpZ2luX2VjEXAMPLETOKENthatmustnotleak"
#define TEST_NON_ASCII     "pässwörd→ключ·秘密🔑"
#define TEST_KEY_ID        "AKIAIOSFODNN7EXAMPLE"
#define TEST_REGION        "eu-west-1"

#define CLIENT_SCHEMA_NAME "io.github.keyway.Keyway.ClientSecret"
#define AWS_SCHEMA_NAME    "io.github.keyway.Keyway.AwsKeys"

#define PROMPTER_NAME      "org.gnome.keyring.SystemPrompter"
#define LOGIN_COLLECTION   "/org/freedesktop/secrets/collection/login"
#define KEYRING_INTERNAL_INTERFACE "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"

/* Set from the environment before kw_test_init() isolates HOME. */
static gboolean in_keyring_session;

/* Synchronous wrappers: each runs the main context until its call is done. */

static gboolean
store_secret (KwSecretStore  *store,
              KwSecretKind    kind,
              GHashTable     *attributes,
              const char     *label,
              const char     *secret,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_secret_store_store_async (store, kind, attributes, label, secret, cancellable,
                               kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_secret_store_store_finish (store, result, error);
}

static char *
lookup_secret (KwSecretStore  *store,
               KwSecretKind    kind,
               GHashTable     *attributes,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_secret_store_lookup_async (store, kind, attributes, cancellable,
                                kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_secret_store_lookup_finish (store, result, error);
}

static gboolean
clear_secret (KwSecretStore  *store,
              KwSecretKind    kind,
              GHashTable     *attributes,
              GCancellable   *cancellable,
              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_secret_store_clear_async (store, kind, attributes, cancellable,
                               kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_secret_store_clear_finish (store, result, error);
}

/* Asserts that the item holds @expected (%NULL: that there is no item). */
static void
assert_lookup (KwSecretStore *store,
               KwSecretKind   kind,
               GHashTable    *attributes,
               const char    *expected)
{
  g_autoptr(GError) error = NULL;
  char *secret = lookup_secret (store, kind, attributes, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, expected);
  kw_secret_free (secret);
}

static void
assert_store (KwSecretStore *store,
              KwSecretKind   kind,
              GHashTable    *attributes,
              const char    *secret)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = kw_secret_label_for_client ("Test", "test");

  g_assert_true (store_secret (store, kind, attributes, label, secret, NULL, &error));
  g_assert_no_error (error);
}

/* The contract both stores keep, run against each. */

static void
check_round_trip (KwSecretStore *store,
                  const char    *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, client_id);
  g_autoptr(GError) error = NULL;

  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);
  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);

  /* Storing again replaces the secret rather than adding a second item. */
  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_OTHER_SECRET);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_OTHER_SECRET);

  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error));
  g_assert_no_error (error);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);

  /* Nothing left to clear is not an error. */
  g_assert_false (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error));
  g_assert_no_error (error);
}

static void
check_clients_apart (KwSecretStore *store,
                     const char    *prefix)
{
  g_autofree char *first_id = g_strconcat (prefix, "-first", NULL);
  g_autofree char *second_id = g_strconcat (prefix, "-second", NULL);
  g_autoptr(GHashTable) first = kw_secret_attributes_for_client (TEST_REGION, first_id);
  g_autoptr(GHashTable) second = kw_secret_attributes_for_client (TEST_REGION, second_id);
  g_autoptr(GHashTable) other_region = kw_secret_attributes_for_client ("us-east-1", first_id);
  g_autoptr(GError) error = NULL;

  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, first, TEST_SECRET);
  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, second, TEST_OTHER_SECRET);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, first, TEST_SECRET);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, second, TEST_OTHER_SECRET);
  /* The same client id in another region is another client. */
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, other_region, NULL);

  /* Clearing one leaves the other. */
  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, first, NULL, &error));
  g_assert_no_error (error);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, first, NULL);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, second, TEST_OTHER_SECRET);

  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, second, NULL, &error));
  g_assert_no_error (error);
}

static void
check_aws_keys (KwSecretStore *store,
                const char    *label)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_aws_keys (label, TEST_KEY_ID);
  g_autoptr(KwAwsCredentials) temporary =
    kw_aws_credentials_new (TEST_KEY_ID, TEST_SECRET, TEST_TOKEN, "test");
  g_autoptr(KwAwsCredentials) permanent =
    kw_aws_credentials_new (TEST_KEY_ID, TEST_OTHER_SECRET, NULL, "test");
  g_autoptr(KwAwsCredentials) decoded = NULL;
  g_autofree char *item_label = kw_secret_label_for_aws_keys (label, TEST_KEY_ID);
  g_autoptr(GError) error = NULL;
  char *encoded;
  char *secret;

  /* With a session token. */
  encoded = kw_secret_encode_aws_keys (temporary);
  g_assert_true (store_secret (store, KW_SECRET_KIND_AWS_KEYS, attributes, item_label, encoded,
                               NULL, &error));
  g_assert_no_error (error);
  kw_secret_free (encoded);

  secret = lookup_secret (store, KW_SECRET_KIND_AWS_KEYS, attributes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  decoded = kw_secret_decode_aws_keys (TEST_KEY_ID, secret, "keyring", &error);
  kw_secret_free (secret);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded->access_key_id, ==, TEST_KEY_ID);
  g_assert_cmpstr (decoded->secret_access_key, ==, TEST_SECRET);
  g_assert_cmpstr (decoded->session_token, ==, TEST_TOKEN);
  g_assert_cmpstr (decoded->source, ==, "keyring");
  g_clear_pointer (&decoded, kw_aws_credentials_free);

  /* Replaced by permanent keys: the old token must not come back. */
  encoded = kw_secret_encode_aws_keys (permanent);
  g_assert_true (store_secret (store, KW_SECRET_KIND_AWS_KEYS, attributes, item_label, encoded,
                               NULL, &error));
  g_assert_no_error (error);
  kw_secret_free (encoded);

  secret = lookup_secret (store, KW_SECRET_KIND_AWS_KEYS, attributes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (secret);
  decoded = kw_secret_decode_aws_keys (TEST_KEY_ID, secret, "keyring", &error);
  kw_secret_free (secret);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded->secret_access_key, ==, TEST_OTHER_SECRET);
  g_assert_null (decoded->session_token);
  g_assert_false (kw_aws_credentials_is_temporary (decoded));

  g_assert_true (clear_secret (store, KW_SECRET_KIND_AWS_KEYS, attributes, NULL, &error));
  g_assert_no_error (error);
  assert_lookup (store, KW_SECRET_KIND_AWS_KEYS, attributes, NULL);
}

static void
check_non_ascii (KwSecretStore *store,
                 const char    *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, client_id);
  g_autoptr(GError) error = NULL;

  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_NON_ASCII);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_NON_ASCII);
  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *name;
  void      (*check) (KwSecretStore *store,
                      const char    *name);
} ContractCase;

static const ContractCase contract_cases[] = {
  { "round-trip", check_round_trip },
  { "clients-apart", check_clients_apart },
  { "aws-keys", check_aws_keys },
  { "non-ascii", check_non_ascii },
};

/* Helpers: attributes, labels, the AWS keys encoding. */

static void
test_attributes (void)
{
  g_autoptr(GHashTable) client = kw_secret_attributes_for_client ("eu-west-1", "abc123");
  g_autoptr(GHashTable) aws = kw_secret_attributes_for_aws_keys ("Helpdesk", TEST_KEY_ID);

  g_assert_cmpuint (g_hash_table_size (client), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (client, "region"), ==, "eu-west-1");
  g_assert_cmpstr (g_hash_table_lookup (client, "client-id"), ==, "abc123");

  g_assert_cmpuint (g_hash_table_size (aws), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (aws, "label"), ==, "Helpdesk");
  g_assert_cmpstr (g_hash_table_lookup (aws, "access-key-id"), ==, TEST_KEY_ID);

  /* The tables own their strings: callers may add to them and free them. */
  g_hash_table_insert (client, g_strdup ("extra"), g_strdup ("value"));
  g_assert_cmpuint (g_hash_table_size (client), ==, 3);
}

/* What someone browsing their keyring sees must say what the item is. */
static void
test_labels (void)
{
  g_autofree char *client = kw_secret_label_for_client ("Staff portal", "1h57kf5cpq17m0eml12EX");
  g_autofree char *aws = kw_secret_label_for_aws_keys ("Helpdesk", TEST_KEY_ID);
  g_autofree char *other = kw_secret_label_for_client ("Staff portal", "2a68lg6dqr28n1fnm23EX");

  g_assert_cmpstr (client, ==,
                   "Keyway: client secret for “Staff portal” "
                   "(app client 1h57kf5cpq17m0eml12EX)");
  g_assert_cmpstr (aws, ==, "Keyway: AWS keys “Helpdesk” (" TEST_KEY_ID ")");
  /* Two clients of one connection are two items a person can tell apart. */
  g_assert_cmpstr (client, !=, other);
}

static void
test_encode_aws_keys (void)
{
  g_autoptr(KwAwsCredentials) temporary =
    kw_aws_credentials_new (TEST_KEY_ID, TEST_SECRET, TEST_TOKEN, "test");
  g_autoptr(KwAwsCredentials) permanent =
    kw_aws_credentials_new (TEST_KEY_ID, TEST_SECRET, NULL, "test");
  char *encoded;

  encoded = kw_secret_encode_aws_keys (temporary);
  g_assert_cmpstr (encoded, ==, TEST_SECRET "\n" TEST_TOKEN);
  kw_secret_free (encoded);

  /* The key id names the item; only the secret parts are the secret. */
  encoded = kw_secret_encode_aws_keys (permanent);
  g_assert_cmpstr (encoded, ==, TEST_SECRET);
  kw_secret_free (encoded);
}

static void
test_decode_aws_keys (void)
{
  g_autoptr(KwAwsCredentials) temporary = NULL;
  g_autoptr(KwAwsCredentials) permanent = NULL;
  g_autoptr(GError) error = NULL;

  temporary = kw_secret_decode_aws_keys (TEST_KEY_ID, TEST_SECRET "\n" TEST_TOKEN, "keyring",
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (temporary->access_key_id, ==, TEST_KEY_ID);
  g_assert_cmpstr (temporary->secret_access_key, ==, TEST_SECRET);
  g_assert_cmpstr (temporary->session_token, ==, TEST_TOKEN);
  g_assert_cmpstr (temporary->source, ==, "keyring");
  g_assert_true (kw_aws_credentials_is_temporary (temporary));

  permanent = kw_secret_decode_aws_keys (TEST_KEY_ID, TEST_SECRET, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (permanent->secret_access_key, ==, TEST_SECRET);
  g_assert_null (permanent->session_token);
  g_assert_null (permanent->source);
}

/* An item Keyway did not write is refused, and the error quotes none of it. */
static void
test_decode_aws_keys_malformed (void)
{
  static const char * const malformed[] = {
    "",
    "\n",
    "\n" TEST_TOKEN,
    TEST_SECRET "\n",
    TEST_SECRET "\n" TEST_TOKEN "\n",
    TEST_SECRET "\n" TEST_TOKEN "\nsomething-else",
  };

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KwAwsCredentials) credentials = NULL;

      credentials = kw_secret_decode_aws_keys (TEST_KEY_ID, malformed[i], "keyring", &error);
      g_assert_null (credentials);
      g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, TEST_KEY_ID));
      g_assert_null (strstr (error->message, TEST_SECRET));
      g_assert_null (strstr (error->message, TEST_TOKEN));
      g_assert_null (strstr (error->message, "something-else"));
    }
}

static void
test_secret_free (void)
{
  kw_secret_free (NULL);
  kw_secret_free (g_strdup (TEST_SECRET));
  kw_secret_free (g_strdup (""));
}

/* A caller's mistake is a critical, not a store of garbage. */
static void
test_invalid_arguments (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
      g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "x");

      kw_secret_store_store_async (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                                   NULL, NULL, NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*secret != NULL*");
}

/* The memory store. */

static void
test_memory_contract (gconstpointer data)
{
  const ContractCase *contract = data;
  g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
  g_autofree char *name = g_strconcat ("memory-", contract->name, NULL);

  contract->check (store, name);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The same attribute values under the other kind are another item. */
static void
test_memory_kinds_apart (void)
{
  g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "kinds");

  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
  assert_lookup (store, KW_SECRET_KIND_AWS_KEYS, attributes, NULL);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
}

/* Each store is its own: nothing is written anywhere another could find. */
static void
test_memory_process_only (void)
{
  g_autoptr(KwSecretStore) first = kw_memory_secret_store_new ();
  g_autoptr(KwSecretStore) second = kw_memory_secret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "own");

  assert_store (first, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
  assert_lookup (second, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);
}

typedef struct
{
  gboolean  done;
  char     *secret;
  GError   *error;
} LookupOutcome;

static void
lookup_outcome_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LookupOutcome *outcome = user_data;

  outcome->secret = kw_secret_store_lookup_finish (KW_SECRET_STORE (object), result,
                                                   &outcome->error);
  outcome->done = TRUE;
}

static void
store_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (kw_secret_store_store_finish (KW_SECRET_STORE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Callbacks never run inside the _async call, as with a real keyring, and
 * calls apply in the order they were made. */
static void
test_memory_asynchronous (void)
{
  g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "async");
  LookupOutcome outcome = { 0 };
  gboolean stored = FALSE;

  kw_secret_store_store_async (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                               TEST_SECRET, NULL, store_done_cb, &stored);
  kw_secret_store_lookup_async (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL,
                                lookup_outcome_cb, &outcome);
  /* The caller's table may go away before the calls complete. */
  g_hash_table_remove_all (attributes);
  g_assert_false (stored);
  g_assert_false (outcome.done);

  kw_test_wait_for (&outcome.done);
  g_assert_true (stored);
  g_assert_no_error (outcome.error);
  g_assert_cmpstr (outcome.secret, ==, TEST_SECRET);
  kw_secret_free (outcome.secret);
}

static void
test_memory_failure (void)
{
  g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "failure");
  static const KwSecretError codes[] = {
    KW_SECRET_ERROR_UNAVAILABLE,
    KW_SECRET_ERROR_LOCKED,
    KW_SECRET_ERROR_MALFORMED,
    KW_SECRET_ERROR_FAILED,
  };

  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = NULL;
      char *secret;

      kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (store), codes[i]);

      g_assert_false (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                                    TEST_OTHER_SECRET, NULL, &error));
      g_assert_error (error, KW_SECRET_ERROR, (int) codes[i]);
      g_clear_error (&error);

      secret = lookup_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error);
      g_assert_null (secret);
      g_assert_error (error, KW_SECRET_ERROR, (int) codes[i]);
      g_clear_error (&error);

      g_assert_false (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL,
                                    &error));
      g_assert_error (error, KW_SECRET_ERROR, (int) codes[i]);
    }

  /* Failed calls changed nothing, and -1 makes calls work again. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (store), -1);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
}

/* A call cancelled before it completes changes nothing. */
static void
test_memory_cancelled (void)
{
  g_autoptr(KwSecretStore) store = kw_memory_secret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "cancel");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_secret_store_store_async (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                               TEST_SECRET, cancellable, kw_test_store_result_cb, &result);
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  g_assert_false (kw_secret_store_store_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);
}

/* The real keyring, a gnome-keyring-daemon of the test's own. */

static GDBusConnection *
session_bus (void)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_no_error (error);
  return bus;
}

/* keyring-session.sh starts the daemon, which takes the Secret Service name
 * a moment later. A call made before would have the bus start a second
 * daemon, which has no unlocked keyring; so wait for the first. */
static void
wait_for_keyring_daemon (void)
{
  static gboolean ready;
  g_autoptr(GDBusConnection) bus = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (ready)
    return;

  bus = session_bus ();
  while (!ready)
    {
      g_autoptr(GVariant) reply = NULL;
      g_autoptr(GError) error = NULL;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &ready);

      if (!ready)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_usleep (10 * 1000);
        }
    }
}

static gboolean
require_keyring (void)
{
  if (!in_keyring_session)
    {
      /* Never touch the developer's own keyring. */
      g_test_skip ("needs the private keyring of tests/keyring-session.sh");
      return FALSE;
    }

  wait_for_keyring_daemon ();
  return TRUE;
}

static void
test_keyring_contract (gconstpointer data)
{
  const ContractCase *contract = data;
  g_autoptr(KwSecretStore) store = NULL;
  g_autofree char *name = g_strconcat ("keyring-", contract->name, NULL);

  if (!require_keyring ())
    return;

  store = kw_libsecret_store_new ();
  contract->check (store, name);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Another store object, as after a restart, finds what the first stored. */
static void
test_keyring_second_store (void)
{
  g_autoptr(KwSecretStore) first = NULL;
  g_autoptr(KwSecretStore) second = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_keyring ())
    return;

  attributes = kw_secret_attributes_for_client (TEST_REGION, "keyring-second-store");
  first = kw_libsecret_store_new ();
  assert_store (first, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
  g_assert_finalize_object (g_steal_pointer (&first));

  second = kw_libsecret_store_new ();
  assert_lookup (second, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_SECRET);
  g_assert_true (clear_secret (second, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error));
  g_assert_no_error (error);
}

/* The one item libsecret finds for @attributes, searched without a schema so
 * that the schema name is checked rather than assumed. */
static SecretItem *
find_item (GHashTable *attributes)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretItem *item;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);

  items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  item = g_object_ref (items->data);
  g_list_free_full (items, g_object_unref);

  return item;
}

static void
assert_item (GHashTable *attributes,
             const char *schema_name,
             const char *label)
{
  g_autoptr(SecretItem) item = find_item (attributes);
  g_autoptr(GHashTable) seen = secret_item_get_attributes (item);
  g_autofree char *seen_label = secret_item_get_label (item);
  g_autofree char *seen_schema = secret_item_get_schema_name (item);
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpstr (seen_schema, ==, schema_name);
  g_assert_cmpstr (seen_label, ==, label);
  /* In "login", which lasts, not in the session keyring, which ends at logout. */
  g_assert_true (g_str_has_prefix (g_dbus_proxy_get_object_path (G_DBUS_PROXY (item)),
                                   LOGIN_COLLECTION "/"));

  /* Exactly our attributes, plus the schema name libsecret adds. */
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (attributes) + 1);
  g_assert_cmpstr (g_hash_table_lookup (seen, "xdg:schema"), ==, schema_name);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    g_assert_cmpstr (g_hash_table_lookup (seen, name), ==, value);
}

/* What a person browsing the keyring, or another tool, sees of an item. */
static void
test_keyring_item (void)
{
  g_autoptr(KwSecretStore) store = NULL;
  g_autoptr(GHashTable) client = NULL;
  g_autoptr(GHashTable) aws = NULL;
  g_autofree char *client_label = NULL;
  g_autofree char *aws_label = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_keyring ())
    return;

  store = kw_libsecret_store_new ();
  client = kw_secret_attributes_for_client (TEST_REGION, "keyring-item");
  client_label = kw_secret_label_for_client ("Staff portal", "keyring-item");
  aws = kw_secret_attributes_for_aws_keys ("Keyring item", TEST_KEY_ID);
  aws_label = kw_secret_label_for_aws_keys ("Keyring item", TEST_KEY_ID);

  g_assert_true (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, client, client_label,
                               TEST_SECRET, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store_secret (store, KW_SECRET_KIND_AWS_KEYS, aws, aws_label,
                               TEST_OTHER_SECRET, NULL, &error));
  g_assert_no_error (error);

  assert_item (client, CLIENT_SCHEMA_NAME, client_label);
  assert_item (aws, AWS_SCHEMA_NAME, aws_label);
  g_assert_cmpstr (kw_secret_schema_get (KW_SECRET_KIND_CLIENT_SECRET)->name, ==,
                   CLIENT_SCHEMA_NAME);
  g_assert_cmpstr (kw_secret_schema_get (KW_SECRET_KIND_AWS_KEYS)->name, ==, AWS_SCHEMA_NAME);

  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, client, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (clear_secret (store, KW_SECRET_KIND_AWS_KEYS, aws, NULL, &error));
  g_assert_no_error (error);
}

/* The caller's own cancellation is G_IO_ERROR_CANCELLED, not a keyring
 * failure, and stores nothing. */
static void
test_keyring_cancelled (void)
{
  g_autoptr(KwSecretStore) store = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  char *secret;

  if (!require_keyring ())
    return;

  store = kw_libsecret_store_new ();
  attributes = kw_secret_attributes_for_client (TEST_REGION, "keyring-cancelled");
  g_cancellable_cancel (cancellable);

  g_assert_false (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                                TEST_SECRET, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  secret = lookup_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, cancellable, &error);
  g_assert_null (secret);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_false (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, cancellable,
                                &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);
}

/* Taking the prompter's name makes every unlock prompt fail at once, as the
 * daemon's own gcr-prompter does when it has no display: gnome-keyring then
 * reports the prompt as dismissed. Owning the name keeps that outcome the
 * same whether or not the developer's session has a display. */
static void
take_prompter_name (gboolean take)
{
  g_autoptr(GDBusConnection) bus = session_bus ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariant *parameters;
  guint32 result;

  if (take)
    parameters = g_variant_new ("(su)", PROMPTER_NAME, 4 /* DBUS_NAME_FLAG_DO_NOT_QUEUE */);
  else
    parameters = g_variant_new ("(s)", PROMPTER_NAME);

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus",
                                       take ? "RequestName" : "ReleaseName", parameters,
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);   /* PRIMARY_OWNER, or RELEASED */
}

static void
lock_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;
  GList *locked = NULL;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, &locked, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);
  g_list_free_full (locked, g_object_unref);
}

/* Unlocking needs a prompt, which is what the test refuses; gnome-keyring's
 * internal interface (the one its PAM module uses) takes the password
 * directly instead. keyring-session.sh creates "login" by piping `echo ""`
 * in, so depending on the daemon the password is empty or one newline. */
static void
unlock_login_collection (void)
{
  static const char * const passwords[] = { "", "\n" };
  g_autoptr(GDBusConnection) bus = session_bus ();
  g_autoptr(GVariant) session = NULL;
  g_autoptr(GError) error = NULL;
  const char *session_path;

  session = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets",
                                         "/org/freedesktop/secrets",
                                         "org.freedesktop.Secret.Service", "OpenSession",
                                         g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                                         G_VARIANT_TYPE ("(vo)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                         NULL, &error);
  g_assert_no_error (error);
  g_variant_get (session, "(v&o)", NULL, &session_path);

  for (guint i = 0; i < G_N_ELEMENTS (passwords); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      GVariant *master;

      master = g_variant_new ("(o@ay@ays)", session_path,
                              g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                              g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, passwords[i],
                                                         strlen (passwords[i]), 1),
                              "text/plain");
      g_clear_error (&error);
      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets",
                                           "/org/freedesktop/secrets", KEYRING_INTERNAL_INTERFACE,
                                           "UnlockWithMasterPassword",
                                           g_variant_new ("(o@(oayays))", LOGIN_COLLECTION, master),
                                           NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      if (reply != NULL)
        return;
    }

  g_assert_no_error (error);
}

/* A locked keyring whose unlock prompt is dismissed is LOCKED for each call,
 * not "no such item" (which would make the app ask for a secret it has). */
static void
test_keyring_locked (void)
{
  g_autoptr(KwSecretStore) store = NULL;
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) missing = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  if (!require_keyring ())
    return;

  store = kw_libsecret_store_new ();
  stored = kw_secret_attributes_for_client (TEST_REGION, "keyring-locked");
  missing = kw_secret_attributes_for_client (TEST_REGION, "keyring-locked-missing");
  assert_store (store, KW_SECRET_KIND_CLIENT_SECRET, stored, TEST_SECRET);

  take_prompter_name (TRUE);
  lock_default_collection ();

  secret = lookup_secret (store, KW_SECRET_KIND_CLIENT_SECRET, stored, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "locked"));
  g_clear_error (&error);

  g_assert_false (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, missing, "label",
                                TEST_OTHER_SECRET, NULL, &error));
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
  g_assert_null (strstr (error->message, TEST_OTHER_SECRET));
  g_clear_error (&error);

  g_assert_false (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, stored, "label",
                                TEST_OTHER_SECRET, NULL, &error));
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_false (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, stored, NULL, &error));
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
  g_clear_error (&error);

  /* An item that is not there is still just not there. */
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, missing, NULL);

  unlock_login_collection ();
  take_prompter_name (FALSE);

  /* Nothing was lost or replaced while locked. */
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, stored, TEST_SECRET);
  assert_lookup (store, KW_SECRET_KIND_CLIENT_SECRET, missing, NULL);
  g_assert_true (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, stored, NULL, &error));
  g_assert_no_error (error);
}

/* No keyring at all. */

/* Where log messages go while check_unavailable() runs; a writer cannot be
 * removed once set, so it outlives the check and then drops messages. */
static GString *captured_log;

static GLogWriterOutput
collect_log_cb (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GString *log = captured_log;

  if (log == NULL)
    return G_LOG_WRITER_HANDLED;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        g_string_append_printf (log, "%s\n", (const char *) fields[i].value);
    }

  return G_LOG_WRITER_HANDLED;
}

/* Each call fails with UNAVAILABLE, at once, saying there is no keyring;
 * the debug log says why and holds no secret. */
static void
check_unavailable (void)
{
  g_autoptr(KwSecretStore) store = kw_libsecret_store_new ();
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (TEST_REGION, "none");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 started = g_get_monotonic_time ();
  char *secret;

  captured_log = log;
  g_log_set_writer_func (collect_log_cb, NULL, NULL);
  g_log_set_debug_enabled (TRUE);

  g_assert_false (store_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, "label",
                                TEST_SECRET, NULL, &error));
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE);
  g_assert_true (g_str_has_prefix (error->message, "No keyring is available: "));
  g_assert_null (strstr (error->message, TEST_SECRET));
  g_clear_error (&error);

  secret = lookup_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error);
  g_assert_null (secret);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE);
  g_assert_true (g_str_has_prefix (error->message, "No keyring is available: "));
  g_clear_error (&error);

  g_assert_false (clear_secret (store, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL, &error));
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE);
  g_assert_true (g_str_has_prefix (error->message, "No keyring is available: "));

  /* No waiting on a timeout: the app falls back while the person watches. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);

  captured_log = NULL;
  g_assert_nonnull (strstr (log->str, "libsecret could not store"));
  g_assert_null (strstr (log->str, TEST_SECRET));
}

/* KEYWAY_TEST_NO_KEYRING: the session bus address leads nowhere. */
static void
test_unavailable_no_bus (void)
{
  if (g_test_subprocess ())
    {
      check_unavailable ();
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A session bus with no Secret Service on it and none to start. */
static void
test_unavailable_no_service (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GTestDBus) bus = g_test_dbus_new (G_TEST_DBUS_NONE);

      g_test_dbus_up (bus);
      check_unavailable ();
      /* g_test_dbus_down() waits until nothing holds the bus connection. */
      secret_service_disconnect ();
      g_test_dbus_down (bus);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* keyring-session.sh makes HOME a folder of its own; nothing else does. */
static gboolean
detect_keyring_session (void)
{
  const char *home = g_getenv ("HOME");
  g_autofree char *base = NULL;

  if (home == NULL || g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    return FALSE;

  base = g_path_get_basename (home);
  return g_str_has_prefix (base, "keyway-keyring.");
}

int
main (int    argc,
      char **argv)
{
  gboolean no_keyring = g_getenv ("KEYWAY_TEST_NO_KEYRING") != NULL;
  int status;

  in_keyring_session = !no_keyring && detect_keyring_session ();

  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/secret-store/attributes", test_attributes);
  g_test_add_func ("/keyway/secret-store/labels", test_labels);
  g_test_add_func ("/keyway/secret-store/aws-keys/encode", test_encode_aws_keys);
  g_test_add_func ("/keyway/secret-store/aws-keys/decode", test_decode_aws_keys);
  g_test_add_func ("/keyway/secret-store/aws-keys/decode-malformed",
                   test_decode_aws_keys_malformed);
  g_test_add_func ("/keyway/secret-store/secret-free", test_secret_free);
  g_test_add_func ("/keyway/secret-store/invalid-arguments", test_invalid_arguments);

  for (guint i = 0; i < G_N_ELEMENTS (contract_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/keyway/secret-store/memory/",
                                           contract_cases[i].name, NULL);

      g_test_add_data_func (path, &contract_cases[i], test_memory_contract);
    }
  g_test_add_func ("/keyway/secret-store/memory/kinds-apart", test_memory_kinds_apart);
  g_test_add_func ("/keyway/secret-store/memory/process-only", test_memory_process_only);
  g_test_add_func ("/keyway/secret-store/memory/asynchronous", test_memory_asynchronous);
  g_test_add_func ("/keyway/secret-store/memory/failure", test_memory_failure);
  g_test_add_func ("/keyway/secret-store/memory/cancelled", test_memory_cancelled);

  g_test_add_func ("/keyway/secret-store/unavailable/no-service", test_unavailable_no_service);

  if (no_keyring)
    {
      g_test_add_func ("/keyway/secret-store/unavailable/no-bus", test_unavailable_no_bus);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (contract_cases); i++)
        {
          g_autofree char *path = g_strconcat ("/keyway/secret-store/keyring/",
                                               contract_cases[i].name, NULL);

          g_test_add_data_func (path, &contract_cases[i], test_keyring_contract);
        }
      g_test_add_func ("/keyway/secret-store/keyring/second-store", test_keyring_second_store);
      g_test_add_func ("/keyway/secret-store/keyring/item", test_keyring_item);
      g_test_add_func ("/keyway/secret-store/keyring/cancelled", test_keyring_cancelled);
      g_test_add_func ("/keyway/secret-store/keyring/locked", test_keyring_locked);
    }

  status = g_test_run ();

  /* libsecret keeps a shared service proxy for the life of the process. */
  secret_service_disconnect ();

  return status;
}
