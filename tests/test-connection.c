/* test-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Connections and their file format: the object, .keyway and
 * connections.ini round trips, validation and malformed files. The store,
 * importing and the client factory have test binaries of their own. */

#include "config.h"

#include "kw-connection.h"
#include "kw-test-connection.h"

#include <string.h>

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

/* Helpers */

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

/* Parsing and writing */

static void
test_defaults (void)
{
  g_autoptr(KwConnection) connection = kw_test_parse_ok (MINIMAL_FILE ("plain", "Plain"));
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
  g_autoptr(KwConnection) connection = kw_test_parse_ok (FULL_FILE);
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
  g_autoptr(KwConnection) connection = kw_test_parse_ok (FULL_FILE);
  g_autoptr(KwConnectionStore) store = kw_test_store_new_loaded ();
  g_autoptr(KwConnectionStore) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = kw_test_user_file ();
  g_autofree char *contents = NULL;
  KwConnection *found;

  g_assert_true (kw_test_store_add (store, connection, FALSE, &error));
  g_assert_no_error (error);

  contents = kw_test_read_text (path);
  g_assert_nonnull (strstr (contents, "[acme-staff]"));
  /* The group names the connection; no Id key repeats it. */
  g_assert_null (strstr (contents, "Id=acme-staff"));

  reloaded = kw_test_store_new_loaded ();
  found = kw_connection_store_lookup (reloaded, "acme-staff");
  g_assert_nonnull (found);
  g_assert_cmpint (kw_connection_get_origin (found), ==, KW_CONNECTION_ORIGIN_USER);
  assert_full_connection (found);
  assert_same_connection (connection, found);
}

static void
test_export (void)
{
  g_autofree char *secret = kw_test_unique_secret ();
  g_autofree char *text = g_strdup_printf (MINIMAL_FILE ("exported", "Exported")
                                           "ClientSecret=%s\n", secret);
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwConnection) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *read_secret = NULL;
  const char *data;
  gsize length;

  connection = kw_test_parse (text, &read_secret, &error);
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
  connection = kw_test_parse_ok (MINIMAL_FILE ("future", "From the future") "FutureKey=42\n");
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
      connection = kw_test_parse (bad->text, &secret, &error);
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
  connection = kw_test_parse ("[Other]\nId=x\n", NULL, &error);
  g_test_assert_expected_messages ();

  g_assert_null (connection);
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "test.keyway"));
  g_assert_nonnull (strstr (error->message, "[Connection]"));
}

/* Main */

int
main (int    argc,
      char **argv)
{
  kw_test_connection_init (&argc, &argv);

  g_test_add_func ("/keyway/connection/defaults", test_defaults);
  g_test_add_func ("/keyway/connection/keyway-round-trip", test_keyway_round_trip);
  g_test_add_func ("/keyway/connection/ini-round-trip", test_ini_round_trip);
  g_test_add_func ("/keyway/connection/export", test_export);
  g_test_add_func ("/keyway/connection/unknown-key", test_unknown_key);
  g_test_add_func ("/keyway/connection/malformed", test_malformed);
  g_test_add_func ("/keyway/connection/missing-group", test_missing_group);

  return kw_test_connection_run ();
}
