/* test-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connection.h"
#include "kw-connection-client.h"
#include "kw-connection-store.h"
#include "kw-libsecret-store.h"
#include "kw-memory-secret-store.h"
#include "kw-aws-config.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/* Longer than TEST_ACCESS_KEY, as AccessKeyId requires. */
#define KEYRING_ACCESS_KEY "AKIAKEYWAYTEST000001"
#define KEYRING_SECRET_KEY "keywayKeyringSecretKey/0123456789abcdef"

#define FULL_FILE \
  "# Acme's staff pool\n" \
  "[Connection]\n" \
  "Id=acme-staff\n" \
  "Name=Acme Staff\n" \
  "Region=eu-west-1\n" \
  "ClientId=4example5client6id\n" \
  "UserPoolId=eu-west-1_AbC123\n" \
  "EndpointUrl=https://cognito.example.com\n" \
  "PasswordMinimumLength=12\n" \
  "PasswordRequireUppercase=false\n" \
  "PasswordRequireLowercase=true\n" \
  "PasswordRequireNumbers=false\n" \
  "PasswordRequireSymbols=true\n" \
  "PreventUserExistenceErrors=true\n" \
  "HasClientSecret=true\n" \
  "CredentialsSource=keyring\n" \
  "AccessKeyId=" KEYRING_ACCESS_KEY "\n"

#define MINIMAL_FILE(id, name) \
  "[Connection]\nId=" id "\nName=" name "\nRegion=us-east-1\nClientId=" TEST_CLIENT "\n"

/* Helpers */

static char *
write_text (const char *path,
            const char *text)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return g_strdup (path);
}

/* A .keyway file as if downloaded, in HOME/Downloads. */
static GFile *
write_keyway (const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (g_get_home_dir (), "Downloads", name, NULL);

  g_free (write_text (path, text));

  return g_file_new_for_path (path);
}

static char *
user_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "keyway", "connections.ini", NULL);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/* A 32-character secret no other test binary can have written anywhere. */
static char *
unique_secret (void)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *secret = g_string_new ("Kw");

  for (const char *p = uuid; *p != '\0'; p++)
    {
      if (*p != '-')
        g_string_append_c (secret, *p);
    }

  return g_string_free (secret, FALSE);
}

static KwConnection *
parse (const char  *text,
       char       **secret,
       GError     **error)
{
  return kw_connection_new_from_file_data (text, strlen (text), "test.keyway", secret, error);
}

static KwConnection *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  KwConnection *connection = parse (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (connection);

  return connection;
}

static gboolean
store_add (KwConnectionStore  *store,
           KwConnection       *connection,
           gboolean            replace,
           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_add_async (store, connection, replace, NULL,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_add_finish (store, result, error);
}

static gboolean
store_remove (KwConnectionStore  *store,
              const char         *id,
              KwSecretStore      *secrets,
              GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_remove_async (store, id, secrets, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_remove_finish (store, result, error);
}

static KwConnection *
store_import (KwConnectionStore  *store,
              GFile              *file,
              KwSecretStore      *secrets,
              KwImportFlags       flags,
              GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_import_async (store, file, secrets, flags, NULL,
                                    kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_store_import_finish (store, result, error);
}

static KwConnectionStore *
store_new_loaded (void)
{
  g_autoptr(GError) error = NULL;
  KwConnectionStore *store = kw_connection_store_new (NULL, NULL);

  kw_connection_store_load (store, &error);
  g_assert_no_error (error);

  return store;
}

static char *
secret_lookup (KwSecretStore *secrets,
               KwSecretKind   kind,
               GHashTable    *attributes)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  kw_secret_store_lookup_async (secrets, kind, attributes, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  secret = kw_secret_store_lookup_finish (secrets, result, &error);
  g_assert_no_error (error);

  return secret;
}

static char *
client_secret_lookup (KwSecretStore *secrets,
                      const char    *region,
                      const char    *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (region, client_id);

  return secret_lookup (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes);
}

static void
secret_store (KwSecretStore *secrets,
              KwSecretKind   kind,
              GHashTable    *attributes,
              const char    *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_secret_store_store_async (secrets, kind, attributes, "Keyway test", secret, NULL,
                               kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  kw_secret_store_store_finish (secrets, result, &error);
  g_assert_no_error (error);
}

/* The ids the model shows, in order: "a,b,c". */
static char *
model_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", kw_connection_get_id (connection));
    }

  return g_strdup (ids->str);
}

/* Records items-changed as "pos-removed+added" entries, and checks that the
 * file already holds every connection the model shows when it is emitted. */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  GString *log = user_data;
  g_autofree char *path = user_file ();
  g_autofree char *contents = read_text (path);

  g_string_append_printf (log, "%s%u-%u+%u", log->len > 0 ? " " : "", position, removed, added);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (model, i);
      g_autofree char *group = g_strdup_printf ("[%s]", kw_connection_get_id (connection));

      if (kw_connection_get_origin (connection) == KW_CONNECTION_ORIGIN_USER)
        g_assert_true (contents != NULL && strstr (contents, group) != NULL);
    }
}

static void
assert_same_connection (KwConnection *a,
                        KwConnection *b)
{
  g_assert_cmpstr (kw_connection_get_id (a), ==, kw_connection_get_id (b));
  g_assert_cmpstr (kw_connection_get_name (a), ==, kw_connection_get_name (b));
  g_assert_cmpstr (kw_connection_get_region (a), ==, kw_connection_get_region (b));
  g_assert_cmpstr (kw_connection_get_client_id (a), ==, kw_connection_get_client_id (b));
  g_assert_cmpstr (kw_connection_get_user_pool_id (a), ==, kw_connection_get_user_pool_id (b));
  g_assert_cmpstr (kw_connection_get_endpoint_url (a), ==, kw_connection_get_endpoint_url (b));
  g_assert_cmpint (kw_connection_get_has_client_secret (a), ==,
                   kw_connection_get_has_client_secret (b));
  g_assert_cmpint (kw_connection_get_prevent_user_existence_errors (a), ==,
                   kw_connection_get_prevent_user_existence_errors (b));
  g_assert_true (kw_password_policy_equal (kw_connection_get_password_policy (a),
                                           kw_connection_get_password_policy (b)));
  g_assert_cmpint (kw_connection_get_credentials_source (a), ==,
                   kw_connection_get_credentials_source (b));
  g_assert_cmpstr (kw_connection_get_aws_profile (a), ==, kw_connection_get_aws_profile (b));
  g_assert_cmpstr (kw_connection_get_access_key_id (a), ==, kw_connection_get_access_key_id (b));
}

static void
assert_full_connection (KwConnection *connection)
{
  const KwPasswordPolicy *policy = kw_connection_get_password_policy (connection);

  g_assert_cmpstr (kw_connection_get_id (connection), ==, "acme-staff");
  g_assert_cmpstr (kw_connection_get_name (connection), ==, "Acme Staff");
  g_assert_cmpstr (kw_connection_get_region (connection), ==, "eu-west-1");
  g_assert_cmpstr (kw_connection_get_client_id (connection), ==, "4example5client6id");
  g_assert_cmpstr (kw_connection_get_user_pool_id (connection), ==, "eu-west-1_AbC123");
  g_assert_cmpstr (kw_connection_get_endpoint_url (connection), ==,
                   "https://cognito.example.com");
  g_assert_true (kw_connection_get_has_client_secret (connection));
  g_assert_true (kw_connection_get_prevent_user_existence_errors (connection));
  g_assert_cmpuint (policy->minimum_length, ==, 12);
  g_assert_false (policy->require_uppercase);
  g_assert_true (policy->require_lowercase);
  g_assert_false (policy->require_numbers);
  g_assert_true (policy->require_symbols);
  g_assert_cmpint (kw_connection_get_credentials_source (connection), ==,
                   KW_CREDENTIALS_SOURCE_KEYRING);
  g_assert_null (kw_connection_get_aws_profile (connection));
  g_assert_cmpstr (kw_connection_get_access_key_id (connection), ==, KEYRING_ACCESS_KEY);
  g_assert_true (kw_connection_is_helpdesk (connection));
}

/* Every file under @root (symbolic links not followed); returns how many
 * were searched. */
static guint
assert_tree_lacks (const char *root,
                   const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint n_files = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) != 0)
        continue;

      if (S_ISDIR (info.st_mode))
        n_files += assert_tree_lacks (path, needle);
      else if (S_ISREG (info.st_mode))
        {
          g_autofree char *contents = NULL;
          gsize length = 0;
          g_autoptr(GError) error = NULL;

          g_file_get_contents (path, &contents, &length, &error);
          g_assert_no_error (error);
          if (memmem (contents, length, needle, strlen (needle)) != NULL)
            g_error ("%s holds the client secret", path);
          n_files++;
        }
    }

  return n_files;
}

/* Parsing and writing */

static void
test_defaults (void)
{
  g_autoptr(KwConnection) connection = parse_ok (MINIMAL_FILE ("plain", "Plain"));
  g_autoptr(KwPasswordPolicy) defaults = kw_password_policy_new_default ();
  g_autoptr(KwConnection) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (kw_connection_get_origin (connection), ==, KW_CONNECTION_ORIGIN_FILE);
  g_assert_null (kw_connection_get_user_pool_id (connection));
  g_assert_null (kw_connection_get_endpoint_url (connection));
  g_assert_false (kw_connection_get_has_client_secret (connection));
  g_assert_false (kw_connection_get_prevent_user_existence_errors (connection));
  g_assert_true (kw_password_policy_equal (kw_connection_get_password_policy (connection),
                                           defaults));
  g_assert_cmpint (kw_connection_get_credentials_source (connection), ==,
                   KW_CREDENTIALS_SOURCE_NONE);
  g_assert_false (kw_connection_is_helpdesk (connection));

  copy = kw_connection_copy_with (connection, KW_CONNECTION_ORIGIN_USER, TRUE);
  g_assert_cmpint (kw_connection_get_origin (copy), ==, KW_CONNECTION_ORIGIN_USER);
  g_assert_true (kw_connection_get_has_client_secret (copy));
  g_assert_cmpstr (kw_connection_get_client_id (copy), ==, TEST_CLIENT);

  /* Built in code, a connection gets the same checks as one from a file. */
  g_clear_object (&copy);
  copy = g_object_new (KW_TYPE_CONNECTION, "id", "coded", "name", "Coded",
                       "region", "us-east-1", "client-id", "bad id", NULL);
  g_assert_false (kw_connection_validate (copy, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "ClientId"));
}

static void
test_keyway_round_trip (void)
{
  g_autoptr(KwConnection) connection = parse_ok (FULL_FILE);
  g_autoptr(KwConnection) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  assert_full_connection (connection);

  bytes = kw_connection_to_file_data (connection);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "[Connection]"));
  g_assert_nonnull (strstr (text, "Id=acme-staff"));

  again = kw_connection_new_from_file_data (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), "again.keyway",
                                            NULL, &error);
  g_assert_no_error (error);
  assert_full_connection (again);
  assert_same_connection (connection, again);
}

static void
test_ini_round_trip (void)
{
  g_autoptr(KwConnection) connection = parse_ok (FULL_FILE);
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnectionStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *contents = NULL;
  KwConnection *found;

  g_assert_true (store_add (store, connection, FALSE, &error));
  g_assert_no_error (error);

  contents = read_text (path);
  g_assert_nonnull (strstr (contents, "[acme-staff]"));
  /* The group names the connection; no Id key repeats it. */
  g_assert_null (strstr (contents, "Id=acme-staff"));

  reloaded = store_new_loaded ();
  found = kw_connection_store_lookup (reloaded, "acme-staff");
  g_assert_nonnull (found);
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_USER);
  assert_full_connection (found);
  assert_same_connection (connection, found);
}

static void
test_export (void)
{
  g_autofree char *secret = unique_secret ();
  g_autofree char *text = g_strdup_printf (MINIMAL_FILE ("exported", "Exported")
                                           "ClientSecret=%s\n", secret);
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwConnection) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *read_secret = NULL;
  const char *data;
  gsize length;

  connection = parse (text, &read_secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_secret, ==, secret);
  g_clear_pointer (&read_secret, kw_secret_free);
  g_assert_true (kw_connection_get_has_client_secret (connection));

  bytes = kw_connection_to_file_data (connection);
  data = g_bytes_get_data (bytes, &length);
  g_assert_nonnull (memmem (data, length, "HasClientSecret=true", 20));
  g_assert_null (memmem (data, length, secret, strlen (secret)));
  g_assert_null (memmem (data, length, "\nClientSecret=", 14));

  again = kw_connection_new_from_file_data (data, length, "exported.keyway", &read_secret,
                                            &error);
  g_assert_no_error (error);
  g_assert_null (read_secret);
  g_assert_true (kw_connection_get_has_client_secret (again));
}

static void
test_unknown_key (void)
{
  g_autoptr(KwConnection) connection = NULL;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING,
                         "*test.keyway, line 6*FutureKey*");
  connection = parse_ok (MINIMAL_FILE ("future", "From the future") "FutureKey=42\n");
  g_test_assert_expected_messages ();

  g_assert_cmpstr (kw_connection_get_name (connection), ==, "From the future");
}

typedef struct
{
  const char *what;
  const char *text;
  int         code;
  const char *key;    /* what the message must name */
  int         line;   /* the line it must name, or 0 */
} BadFile;

#define BASE "[Connection]\nId=bad\nName=Bad\nRegion=us-east-1\nClientId=" TEST_CLIENT "\n"

static const BadFile bad_files[] = {
  { "not a key file", "this is not\na key file\n", KW_CONNECTION_ERROR_PARSE, NULL, 1 },
  { "key before group", "Id=bad\n[Connection]\n", KW_CONNECTION_ERROR_PARSE, NULL, 1 },
  { "bad line", BASE "ClientSecret k3yway\n", KW_CONNECTION_ERROR_PARSE, NULL, 6 },
  { "not UTF-8", BASE "Name=caf\xe9\n", KW_CONNECTION_ERROR_PARSE, "UTF-8", 0 },
  { "no Id", "[Connection]\nName=Bad\nRegion=us-east-1\nClientId=x\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "Id", 0 },
  { "no Name", "[Connection]\nId=bad\nRegion=us-east-1\nClientId=x\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "Name", 0 },
  { "no Region", "[Connection]\nId=bad\nName=Bad\nClientId=x\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "Region", 0 },
  { "no ClientId", "[Connection]\nId=bad\nName=Bad\nRegion=us-east-1\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "ClientId", 0 },
  { "bad region", "[Connection]\nId=bad\nName=Bad\nRegion=moon-east-1\nClientId=x\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "Region “moon-east-1”", 4 },
  { "client id with a space", "[Connection]\nId=bad\nName=Bad\nRegion=us-east-1\nClientId=a b\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "ClientId", 5 },
  { "pool id without underscore", BASE "UserPoolId=useast1pool\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "UserPoolId", 6 },
  { "http to a public host", BASE "EndpointUrl=http://cognito.example.com\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "EndpointUrl", 6 },
  { "minimum length 5", BASE "PasswordMinimumLength=5\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "PasswordMinimumLength", 6 },
  { "minimum length 100", BASE "PasswordMinimumLength=100\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "PasswordMinimumLength", 6 },
  { "minimum length eight", BASE "PasswordMinimumLength=eight\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "PasswordMinimumLength “eight”", 6 },
  { "boolean yes", BASE "\nPasswordRequireSymbols=yes\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "PasswordRequireSymbols is “yes”", 7 },
  { "boolean 1", BASE "PreventUserExistenceErrors=1\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "PreventUserExistenceErrors", 6 },
  { "bad id slug", "[Connection]\nId=Acme Staff\nName=Bad\nRegion=us-east-1\nClientId=x\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "Id “Acme Staff”", 2 },
  { "empty name", "[Connection]\nId=bad\nName=\nRegion=us-east-1\nClientId=x\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "Name", 3 },
  { "client secret too short", BASE "ClientSecret=tooShort1\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "ClientSecret", 6 },
  { "secret against HasClientSecret", BASE "HasClientSecret=false\n"
    "ClientSecret=" TEST_CLIENT_SECRET "\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "HasClientSecret", 6 },
  { "unknown source", BASE "UserPoolId=" TEST_POOL "\nCredentialsSource=sso\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "CredentialsSource “sso”", 7 },
  { "keyring without key id", BASE "UserPoolId=" TEST_POOL "\nCredentialsSource=keyring\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "AccessKeyId", 7 },
  { "profile without name", BASE "UserPoolId=" TEST_POOL "\nCredentialsSource=profile\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "AwsProfile", 7 },
  { "helpdesk without pool", BASE "CredentialsSource=environment\n",
    KW_CONNECTION_ERROR_MISSING_KEY, "UserPoolId", 6 },
  { "bad access key id", BASE "UserPoolId=" TEST_POOL "\nCredentialsSource=keyring\n"
    "AccessKeyId=akia-lowercase-0001\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "AccessKeyId", 8 },
  { "bad profile name", BASE "UserPoolId=" TEST_POOL "\nCredentialsSource=profile\n"
    "AwsProfile=../etc\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "AwsProfile", 8 },
  { "profile without source", BASE "AwsProfile=helpdesk\n",
    KW_CONNECTION_ERROR_INVALID_VALUE, "AwsProfile", 6 },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autoptr(KwConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      char *secret = NULL;

      g_test_message ("%s", bad->what);
      connection = parse (bad->text, &secret, &error);
      g_assert_null (connection);
      g_assert_null (secret);
      g_assert_error (error, KW_CONNECTION_ERROR, bad->code);

      g_assert_true (g_str_has_prefix (error->message, "test.keyway"));
      if (bad->key != NULL)
        g_assert_nonnull (strstr (error->message, bad->key));
      if (bad->line > 0)
        {
          g_autofree char *line = g_strdup_printf ("test.keyway, line %d:", bad->line);
          g_assert_true (g_str_has_prefix (error->message, line));
        }
      else
        g_assert_null (strstr (error->message, ", line"));

      /* No secret, or what might be one, ever shows. */
      g_assert_null (strstr (error->message, TEST_CLIENT_SECRET));
      g_assert_null (strstr (error->message, "k3yway"));
      g_assert_null (strstr (error->message, "tooShort1"));
    }
}

static void
test_missing_group (void)
{
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*test.keyway, line 1*[Other]*");
  connection = parse ("[Other]\nId=x\n", NULL, &error);
  g_test_assert_expected_messages ();

  g_assert_null (connection);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "test.keyway"));
  g_assert_nonnull (strstr (error->message, "[Connection]"));
}

/* The store */

static void
test_file_modes (void)
{
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnection) connection = parse_ok (MINIMAL_FILE ("modes", "Modes"));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);
  GStatBuf info;

  store_add (store, connection, FALSE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  /* A file someone made readable by others is 0600 again once rewritten. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store_remove (store, "modes", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_system_and_user (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *first = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *second = g_build_filename (dirs[1], "keyway", "connections.ini", NULL);
  g_autofree char *path = user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) replacement = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  KwConnection *found;

  g_assert_nonnull (dirs[0]);
  g_assert_nonnull (dirs[1]);

  g_free (write_text (first, "[shared]\nName=First shared\nRegion=us-east-1\nClientId=a\n"));
  g_free (write_text (second,
                      "[shared]\nName=Second shared\nRegion=us-east-1\nClientId=b\n"
                      "[mine]\nName=System mine\nRegion=us-east-1\nClientId=c\n"
                      "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));
  g_free (write_text (path, "[mine]\nName=My own\nRegion=eu-west-1\nClientId=e\n"));

  store = store_new_loaded ();
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "shared,mine,site");

  found = kw_connection_store_lookup (store, "shared");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "First shared");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_SYSTEM);
  found = kw_connection_store_lookup (store, "mine");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "My own");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_USER);

  /* System connections are read-only, whichever way one asks. */
  before = read_text (path);
  g_assert_false (store_remove (store, "shared", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  replacement = parse_ok (MINIMAL_FILE ("shared", "Hijacked"));
  g_assert_false (store_add (store, replacement, TRUE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (store_add (store, replacement, FALSE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  after = read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "shared")), ==,
                   "First shared");

  /* Removing the user's own brings back the system connection it hid. */
  g_assert_true (store_remove (store, "mine", NULL, &error));
  g_assert_no_error (error);
  found = kw_connection_store_lookup (store, "mine");
  g_assert_cmpstr (kw_connection_get_name (found), ==, "System mine");
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_SYSTEM);
  g_clear_pointer (&ids, g_free);
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "shared,site,mine");
  g_assert_cmpstr (changes->str, ==, "1-1+0 2-0+1");

  g_assert_false (store_remove (store, "mine", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (store_remove (store, "nowhere", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND);
}

static void
test_malformed_user_file (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *system = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *path = user_file ();
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(KwConnection) connection = parse_ok (MINIMAL_FILE ("new", "New"));
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *contents = NULL;
  static const char broken[] = "[mine]\nName=Mine\nRegion=us-east-1\nClientId=a\n"
                               "[typo]\nName=Typo\nRegion=us-east-1\nClientId=a b\n";

  g_free (write_text (system, "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));
  g_free (write_text (path, broken));

  g_assert_false (kw_connection_store_load (store, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "line 8"));
  g_clear_error (&error);

  /* None of it is used, and none of it is overwritten. */
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "site");

  g_assert_false (store_add (store, connection, FALSE, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  contents = read_text (path);
  g_assert_cmpstr (contents, ==, broken);
}

static void
test_malformed_system_file (void)
{
  const char * const *dirs = g_get_system_config_dirs ();
  g_autofree char *first = g_build_filename (dirs[0], "keyway", "connections.ini", NULL);
  g_autofree char *second = g_build_filename (dirs[1], "keyway", "connections.ini", NULL);
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;

  g_free (write_text (first, "[broken]\nName=Broken\nRegion=nowhere\nClientId=a\n"));
  g_free (write_text (second, "[site]\nName=Site\nRegion=us-east-1\nClientId=d\n"));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*system-config1*line 3*Region*");
  g_assert_true (kw_connection_store_load (store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "site");
}

static void
test_model (void)
{
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  struct { const char *id, *name; } added[] = {
    { "b", "Beta" }, { "a", "Alpha" }, { "g", "Gamma" }, { "s2", "Same" }, { "s1", "Same" },
  };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == KW_TYPE_CONNECTION);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 0));
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autofree char *text = g_strdup_printf ("[Connection]\nId=%s\nName=%s\n"
                                               "Region=us-east-1\nClientId=c\n",
                                               added[i].id, added[i].name);
      g_autoptr(KwConnection) connection = parse_ok (text);

      g_assert_true (store_add (store, connection, FALSE, &error));
      g_assert_no_error (error);
    }

  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "a,b,g,s1,s2");
  g_assert_cmpstr (changes->str, ==, "0-0+1 0-0+1 2-0+1 3-0+1 3-0+1");

  /* Renamed in place, and renamed so that it moves. */
  g_string_truncate (changes, 0);
  {
    g_autoptr(KwConnection) same_place = parse_ok ("[Connection]\nId=b\nName=Bravo\n"
                                                   "Region=us-east-1\nClientId=c\n");
    g_autoptr(KwConnection) moved = parse_ok ("[Connection]\nId=b\nName=Omega\n"
                                              "Region=us-east-1\nClientId=c\n");

    g_assert_true (store_add (store, same_place, TRUE, &error));
    g_assert_no_error (error);
    g_assert_true (store_add (store, moved, TRUE, &error));
    g_assert_no_error (error);
  }
  g_clear_pointer (&ids, g_free);
  ids = model_ids (G_LIST_MODEL (store));
  g_assert_cmpstr (ids, ==, "a,g,b,s1,s2");
  g_assert_cmpstr (changes->str, ==, "1-1+1 1-1+0 2-0+1");

  g_string_truncate (changes, 0);
  g_assert_true (store_remove (store, "a", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (changes->str, ==, "0-1+0");

  /* A change that fails changes nothing, and says nothing. */
  g_string_truncate (changes, 0);
  g_assert_false (store_remove (store, "a", NULL, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_NOT_FOUND);
  g_assert_cmpstr (changes->str, ==, "");
}

/* Someone typed a secret into connections.ini: it is not used, and the next
 * save drops it. */
static void
test_secret_in_ini (void)
{
  g_autofree char *path = user_file ();
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(KwConnection) other = parse_ok (MINIMAL_FILE ("other", "Other"));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_free (write_text (path, "[typed]\nName=Typed\nRegion=us-east-1\nClientId=a\n"
                            "ClientSecret=" TEST_CLIENT_SECRET "\n"));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*connections.ini*ClientSecret*");
  g_assert_true (kw_connection_store_load (store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (kw_connection_store_lookup (store,
                                                                                  "typed")));

  g_assert_true (store_add (store, other, FALSE, &error));
  g_assert_no_error (error);
  contents = read_text (path);
  g_assert_null (strstr (contents, TEST_CLIENT_SECRET));
  g_assert_nonnull (strstr (contents, "[typed]"));
  g_assert_nonnull (strstr (contents, "HasClientSecret=true"));
}

static void
test_cancelled (void)
{
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnection) connection = parse_ok (MINIMAL_FILE ("late", "Late"));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();

  g_cancellable_cancel (cancellable);
  kw_connection_store_add_async (store, connection, FALSE, cancellable,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_assert_false (kw_connection_store_add_finish (store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* Changes asked for together are written one after the other, none lost. */
static void
test_concurrent_changes (void)
{
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnectionStore) reloaded = NULL;
  GAsyncResult *results[3] = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  const char *names[] = { "One", "Two", "Three" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *text = g_strdup_printf (MINIMAL_FILE ("c%u", "%s"), i, names[i]);
      g_autoptr(KwConnection) connection = parse_ok (text);

      kw_connection_store_add_async (store, connection, FALSE, NULL,
                                     kw_test_store_result_cb, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      kw_test_wait_result (&results[i]);
      g_assert_true (kw_connection_store_add_finish (store, results[i], &error));
      g_assert_no_error (error);
      g_clear_object (&results[i]);
    }

  reloaded = store_new_loaded ();
  ids = model_ids (G_LIST_MODEL (reloaded));
  g_assert_cmpstr (ids, ==, "c0,c2,c1");
}

static void
test_import_secret (void)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwSecretStore) fresh = NULL;
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = unique_secret ();
  g_autofree char *client_id = unique_secret ();
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *contents = NULL;
  const char * const *system_dirs = g_get_system_config_dirs ();
  const char *roots[] = {
    g_get_user_config_dir (), g_get_user_state_dir (), g_get_user_cache_dir (),
    g_get_user_data_dir (), g_get_user_runtime_dir (), g_get_home_dir (),
    system_dirs[0], system_dirs[1], g_get_tmp_dir (),
  };
  guint n_files = 0;

  text = g_strdup_printf ("[Connection]\nId=secretive\nName=Secretive\nRegion=us-east-1\n"
                          "ClientId=%s\nClientSecret=%s\n", client_id, secret);
  file = write_keyway ("secretive.keyway", text);

  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (imported));
  g_assert_cmpint (kw_connection_get_origin (imported), ==, KW_CONNECTION_ORIGIN_USER);
  g_assert_true (kw_connection_store_lookup (store, "secretive") == imported);

  /* The keyring has it, as another process would see it. */
  fresh = kw_libsecret_store_new ();
  stored = client_secret_lookup (fresh, "us-east-1", client_id);
  g_assert_cmpstr (stored, ==, secret);

  contents = read_text (path);
  g_assert_nonnull (strstr (contents, "HasClientSecret=true"));

  /* The file handed out is the person's own; everything else is searched. */
  g_assert_true (g_file_delete (file, NULL, NULL));
  exported = kw_connection_to_file_data (imported);
  g_assert_null (memmem (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                         secret, strlen (secret)));

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    n_files += assert_tree_lacks (roots[i], secret);
  g_assert_cmpuint (n_files, >, 0);

  /* Removing the connection takes the secret out of the keyring too. */
  g_assert_true (store_remove (store, "secretive", secrets, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, kw_secret_free);
  stored = client_secret_lookup (fresh, "us-east-1", client_id);
  g_assert_null (stored);
}

static void
test_import_duplicate (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(GFile) first = write_keyway ("first.keyway", MINIMAL_FILE ("dup", "First"));
  g_autoptr(GFile) second = write_keyway ("second.keyway", MINIMAL_FILE ("dup", "Second"));
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  imported = store_import (store, first, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&imported);
  before = read_text (path);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);

  imported = store_import (store, second, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_EXISTS);
  g_clear_error (&error);
  after = read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "dup")), ==,
                   "First");

  imported = store_import (store, second, secrets, KW_IMPORT_FLAGS_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_connection_get_name (imported), ==, "Second");
  g_assert_cmpstr (kw_connection_get_name (kw_connection_store_lookup (store, "dup")), ==,
                   "Second");
  g_assert_cmpstr (changes->str, ==, "0-1+1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
}

static void
test_import_errors_name_file (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(GFile) bad = write_keyway ("acme.keyway", "[Connection]\nId=acme\nName=Acme\n"
                                       "Region=us-east-99x\nClientId=a\n");
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/keyway/missing.keyway");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();

  imported = store_import (store, bad, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_INVALID_VALUE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "acme.keyway, line 4: Region “us-east-99x”"));
  g_clear_error (&error);

  imported = store_import (store, missing, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.keyway"));

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_import_keyring_failure (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(KwConnection) kept = parse_ok (MINIMAL_FILE ("kept", "Kept"));
  g_autoptr(GFile) file = write_keyway ("secret.keyway", MINIMAL_FILE ("new", "New")
                                        "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *stored = NULL;

  store_add (store, kept, FALSE, &error);
  g_assert_no_error (error);
  before = read_text (path);
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);

  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets),
                                      KW_SECRET_ERROR_UNAVAILABLE);
  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_UNAVAILABLE);
  g_assert_null (strstr (error->message, TEST_CLIENT_SECRET));

  after = read_text (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_null (kw_connection_store_lookup (store, "new"));

  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets), -1);
  stored = client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_null (stored);
}

/* The secret is stored, then saving the connection fails: the keyring gets
 * back what it had. A file where the folder should be makes the write fail
 * even for root. */
static void
test_import_write_failure (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autofree char *blocker = g_build_filename (g_get_home_dir (), "blocker", NULL);
  g_autofree char *path = g_build_filename (blocker, "connections.ini", NULL);
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (path, NULL);
  g_autoptr(GFile) file = write_keyway ("secret.keyway", MINIMAL_FILE ("new", "New")
                                        "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GFile) other = write_keyway ("other.keyway", MINIMAL_FILE ("other", "Other")
                                         "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1", TEST_CLIENT);
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_free (write_text (blocker, "not a folder"));
  g_assert_true (kw_connection_store_load (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (kw_connection_store_get_user_file (store), ==, path);

  imported = store_import (store, file, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  g_clear_error (&error);
  stored = client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_null (stored);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  /* A secret that was there before comes back. */
  secret_store (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, "the-old-secret-0123456789");
  imported = store_import (store, other, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_null (imported);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_IO);
  stored = client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_cmpstr (stored, ==, "the-old-secret-0123456789");
}

static void
test_remove_secret (void)
{
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwConnectionStore) store = store_new_loaded ();
  g_autoptr(GFile) one = write_keyway ("one.keyway", MINIMAL_FILE ("one", "One")
                                       "ClientSecret=" TEST_CLIENT_SECRET "\n");
  g_autoptr(GFile) two = write_keyway ("two.keyway", MINIMAL_FILE ("two", "Two")
                                       "HasClientSecret=true\n");
  g_autoptr(KwConnection) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  imported = store_import (store, one, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_clear_object (&imported);
  imported = store_import (store, two, secrets, KW_IMPORT_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (kw_connection_get_has_client_secret (imported));

  /* Both use the same client: its secret stays while one of them does. */
  g_assert_true (store_remove (store, "one", secrets, &error));
  g_assert_no_error (error);
  stored = client_secret_lookup (secrets, "us-east-1", TEST_CLIENT);
  g_assert_cmpstr (stored, ==, TEST_CLIENT_SECRET);
  g_clear_pointer (&stored, kw_secret_free);

  /* A keyring failure does not undo the removal. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (secrets),
                                      KW_SECRET_ERROR_LOCKED);
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "*“two”*keyring*");
  g_assert_true (store_remove (store, "two", secrets, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_null (kw_connection_store_lookup (store, "two"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

/* Clients */

typedef struct
{
  KwFakeCognito *fake;
  KwSecretStore *secrets;
  char         **envp;
} ClientFixture;

static void
client_set_up (ClientFixture *fixture,
               gconstpointer  data)
{
  fixture->fake = kw_test_fake_new ();
  kw_fake_cognito_add_credentials (fixture->fake, KEYRING_ACCESS_KEY, KEYRING_SECRET_KEY, NULL);
  fixture->secrets = kw_memory_secret_store_new ();
  fixture->envp = g_environ_setenv (NULL, "HOME", g_get_home_dir (), TRUE);
}

static void
client_tear_down (ClientFixture *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->fake);
  g_clear_object (&fixture->secrets);
  g_strfreev (fixture->envp);
}

static KwConnection *
fake_connection (ClientFixture *fixture,
                 const char    *client_id,
                 const char    *extra)
{
  g_autofree char *text = g_strdup_printf ("[Connection]\nId=fake\nName=Fake pool\n"
                                           "Region=us-east-1\nClientId=%s\nEndpointUrl=%s\n"
                                           "UserPoolId=" TEST_POOL "\n%s",
                                           client_id, kw_fake_cognito_get_url (fixture->fake),
                                           extra != NULL ? extra : "");

  return parse_ok (text);
}

static KwCognitoClient *
create_client (ClientFixture          *fixture,
               KwConnection           *connection,
               KwSecretStore          *secrets,
               const KwClientOptions  *options,
               char                  **actor,
               GError                **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_create_client_async (connection, secrets, options, NULL,
                                     kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);

  return kw_connection_create_client_finish (result, actor, error);
}

static void
assert_forgot_password_works (KwCognitoClient *client)
{
  g_autoptr(KwCodeDeliveryDetails) details = NULL;
  g_autoptr(GError) error = NULL;

  details = kw_test_forgot_password (client, "jane", &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);
}

static void
assert_admin_get_user_works (KwCognitoClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KwCognitoUser) user = NULL;
  g_autoptr(GError) error = NULL;

  kw_cognito_client_admin_get_user_async (client, TEST_POOL, "jane", NULL,
                                          kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  user = kw_cognito_client_admin_get_user_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (user->username, ==, "jane");
}

static void
test_client_without_secret (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT, NULL);
  g_autoptr(KwConnection) public = parse_ok (MINIMAL_FILE ("public", "Public"));
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwCognitoClient) regional = NULL;
  g_autoptr(GError) error = NULL;
  char *actor = (char *) "unset";

  client = create_client (fixture, connection, NULL, NULL, &actor, &error);
  g_assert_no_error (error);
  g_assert_null (actor);
  g_assert_cmpstr (kw_cognito_client_get_endpoint (client), ==,
                   kw_fake_cognito_get_url (fixture->fake));
  g_assert_false (kw_cognito_client_has_client_secret (client));
  assert_forgot_password_works (client);

  /* Without an override, the region's own endpoint. */
  regional = create_client (fixture, public, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kw_cognito_client_get_endpoint (regional), ==,
                   "https://cognito-idp.us-east-1.amazonaws.com");
}

static void
test_client_keyring_secret (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1",
                                                                      TEST_SECRET_CLIENT);
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  secret_store (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, TEST_CLIENT_SECRET);

  client = create_client (fixture, connection, secrets, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kw_cognito_client_has_client_secret (client));
  assert_forgot_password_works (client);
}

static void
test_client_secret_missing (ClientFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = create_client (fixture, connection, fixture->secrets, NULL, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING);
  g_assert_nonnull (strstr (error->message, "Fake pool"));
  g_assert_nonnull (strstr (error->message, "secret"));
  g_clear_error (&error);

  client = create_client (fixture, connection, NULL, NULL, NULL, &error);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING);
  g_clear_error (&error);

  /* A keyring that cannot be asked is not a missing secret. */
  kw_memory_secret_store_set_failure (KW_MEMORY_SECRET_STORE (fixture->secrets),
                                      KW_SECRET_ERROR_LOCKED);
  client = create_client (fixture, connection, fixture->secrets, NULL, NULL, &error);
  g_assert_error (error, KW_SECRET_ERROR, KW_SECRET_ERROR_LOCKED);
}

static void
test_client_explicit_secret (ClientFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_SECRET_CLIENT,
                                                        "HasClientSecret=true\n");
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1",
                                                                      TEST_SECRET_CLIENT);
  KwClientOptions options = { TEST_CLIENT_SECRET, FALSE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  /* The keyring's secret is wrong; the one given wins. */
  secret_store (fixture->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                "wrongSecretForThisClient0123456789");

  client = create_client (fixture, connection, fixture->secrets, &options, NULL, &error);
  g_assert_no_error (error);
  assert_forgot_password_works (client);
}

static void
test_client_profile (ClientFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *config = g_build_filename (g_get_home_dir (), ".aws", "config", NULL);
  g_autofree char *credentials = g_build_filename (g_get_home_dir (), ".aws", "credentials",
                                                   NULL);
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=profile\n"
                                                        "AwsProfile=helpdesk\n");
  g_autoptr(KwConnection) keyless = fake_connection (fixture, TEST_CLIENT,
                                                     "CredentialsSource=profile\n"
                                                     "AwsProfile=keyless\n");
  g_autoptr(KwConnection) unknown = fake_connection (fixture, TEST_CLIENT,
                                                     "CredentialsSource=profile\n"
                                                     "AwsProfile=nobody\n");
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;

  g_free (write_text (config, "[profile helpdesk]\nregion = us-east-1\n"
                              "[profile keyless]\nregion = us-east-1\n"));
  g_free (write_text (credentials, "[helpdesk]\naws_access_key_id = " TEST_ACCESS_KEY "\n"
                                   "aws_secret_access_key = " TEST_SECRET_KEY "\n"));
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CONFIG_FILE", config, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SHARED_CREDENTIALS_FILE", credentials,
                                    TRUE);
  /* A profile named by the connection wins over the environment's keys. */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ACCESS_KEY_ID", KEYRING_ACCESS_KEY, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SECRET_ACCESS_KEY", "ignored", TRUE);
  options.envp = (const char * const *) fixture->envp;

  client = create_client (fixture, connection, NULL, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, TEST_ACCESS_KEY " (profile helpdesk)");
  assert_admin_get_user_works (client);
  g_clear_object (&client);

  client = create_client (fixture, keyless, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_assert_nonnull (strstr (error->message, "keyless"));
  g_clear_error (&error);

  client = create_client (fixture, unknown, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_PROFILE_NOT_FOUND);
}

static void
test_client_environment (ClientFixture *fixture,
                         gconstpointer  data)
{
  g_autofree char *credentials = g_build_filename (g_get_home_dir (), ".aws", "credentials",
                                                   NULL);
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=environment\n");
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_auto(GStrv) envp = NULL;

  /* The default profile's keys are not the environment's. */
  g_free (write_text (credentials, "[default]\naws_access_key_id = " TEST_ACCESS_KEY "\n"
                                   "aws_secret_access_key = " TEST_SECRET_KEY "\n"));
  options.envp = (const char * const *) fixture->envp;
  client = create_client (fixture, connection, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_clear_error (&error);

  envp = g_environ_setenv (g_strdupv (fixture->envp), "AWS_ACCESS_KEY_ID", TEST_ACCESS_KEY, TRUE);
  options.envp = (const char * const *) envp;
  client = create_client (fixture, connection, NULL, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_AWS_CONFIG_ERROR, KW_AWS_CONFIG_ERROR_INCOMPLETE);
  g_clear_error (&error);

  envp = g_environ_setenv (envp, "AWS_SECRET_ACCESS_KEY", TEST_SECRET_KEY, TRUE);
  options.envp = (const char * const *) envp;
  client = create_client (fixture, connection, NULL, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, TEST_ACCESS_KEY " (environment)");
  assert_admin_get_user_works (client);
}

static void
test_client_keyring_keys (ClientFixture *fixture,
                          gconstpointer  data)
{
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(KwConnection) connection = fake_connection (fixture, TEST_CLIENT,
                                                        "CredentialsSource=keyring\n"
                                                        "AccessKeyId=" KEYRING_ACCESS_KEY "\n");
  g_autoptr(KwConnection) end_user = fake_connection (fixture, TEST_CLIENT, NULL);
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_aws_keys ("fake",
                                                                        KEYRING_ACCESS_KEY);
  g_autoptr(KwAwsCredentials) keys = kw_aws_credentials_new (KEYRING_ACCESS_KEY,
                                                             KEYRING_SECRET_KEY, NULL, NULL);
  KwClientOptions options = { NULL, TRUE, NULL };
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *encoded = NULL;

  /* Nothing stored yet. */
  client = create_client (fixture, connection, secrets, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
  g_clear_error (&error);

  encoded = kw_secret_encode_aws_keys (keys);
  secret_store (secrets, KW_SECRET_KIND_AWS_KEYS, attributes, encoded);

  client = create_client (fixture, connection, secrets, &options, &actor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, KEYRING_ACCESS_KEY " (keyring)");
  assert_admin_get_user_works (client);
  g_clear_object (&client);

  /* An end-user connection has no credentials to give. */
  client = create_client (fixture, end_user, secrets, &options, NULL, &error);
  g_assert_null (client);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_CREDENTIALS_MISSING);
}

/* Main */

/* GLib 2.74's g_test_expect_message() sees only what goes through g_log(),
 * and G_LOG_USE_STRUCTURED makes g_warning() structured. So Keyway's own
 * warnings are passed through g_log() once more, where an expected one is
 * swallowed and any other is still fatal. */
static GLogWriterOutput
expectable_writer_cb (GLogLevelFlags   log_level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  static GPrivate relogging = G_PRIVATE_INIT (NULL);
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) != 0 &&
      g_strcmp0 (domain, G_LOG_DOMAIN) == 0 &&
      message != NULL &&
      g_private_get (&relogging) == NULL)
    {
      g_private_set (&relogging, GINT_TO_POINTER (TRUE));
      g_log (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "%s", message);
      g_private_set (&relogging, NULL);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

#define add_client_test(path, func) \
  g_test_add ("/keyway/connection/" path, ClientFixture, NULL, \
              client_set_up, func, client_tear_down)

int
main (int    argc,
      char **argv)
{
  const char *base = g_getenv ("TMPDIR");
  g_autofree char *tmp = NULL;
  int status;

  /* A temporary folder of its own, which the secret search covers whole,
   * instead of a /tmp shared with everything else on the machine. */
  tmp = g_build_filename (base != NULL && *base != '\0' ? base : "/tmp",
                          "keyway-test-connection-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp));
  g_setenv ("TMPDIR", tmp, TRUE);

  g_log_set_writer_func (expectable_writer_cb, NULL, NULL);
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/connection/defaults", test_defaults);
  g_test_add_func ("/keyway/connection/keyway-round-trip", test_keyway_round_trip);
  g_test_add_func ("/keyway/connection/ini-round-trip", test_ini_round_trip);
  g_test_add_func ("/keyway/connection/export", test_export);
  g_test_add_func ("/keyway/connection/unknown-key", test_unknown_key);
  g_test_add_func ("/keyway/connection/malformed", test_malformed);
  g_test_add_func ("/keyway/connection/missing-group", test_missing_group);
  g_test_add_func ("/keyway/connection/file-modes", test_file_modes);
  g_test_add_func ("/keyway/connection/system-and-user", test_system_and_user);
  g_test_add_func ("/keyway/connection/malformed-user-file", test_malformed_user_file);
  g_test_add_func ("/keyway/connection/malformed-system-file", test_malformed_system_file);
  g_test_add_func ("/keyway/connection/model", test_model);
  g_test_add_func ("/keyway/connection/secret-in-ini", test_secret_in_ini);
  g_test_add_func ("/keyway/connection/cancelled", test_cancelled);
  g_test_add_func ("/keyway/connection/concurrent-changes", test_concurrent_changes);
  g_test_add_func ("/keyway/connection/import-secret", test_import_secret);
  g_test_add_func ("/keyway/connection/import-duplicate", test_import_duplicate);
  g_test_add_func ("/keyway/connection/import-errors", test_import_errors_name_file);
  g_test_add_func ("/keyway/connection/import-keyring-failure", test_import_keyring_failure);
  g_test_add_func ("/keyway/connection/import-write-failure", test_import_write_failure);
  g_test_add_func ("/keyway/connection/remove-secret", test_remove_secret);
  add_client_test ("client/without-secret", test_client_without_secret);
  add_client_test ("client/keyring-secret", test_client_keyring_secret);
  add_client_test ("client/secret-missing", test_client_secret_missing);
  add_client_test ("client/explicit-secret", test_client_explicit_secret);
  add_client_test ("client/profile", test_client_profile);
  add_client_test ("client/environment", test_client_environment);
  add_client_test ("client/keyring-keys", test_client_keyring_keys);

  status = g_test_run ();
  remove_tree (tmp);

  return status;
}
