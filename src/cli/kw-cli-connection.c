/* kw-cli-connection.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-libsecret-store.h"

#include <stdio.h>
#include <string.h>

/* `keyway-cli connection …`: the saved connections, printed the way the
 * AWS CLI prints a service's objects (members in PascalCase, absent ones
 * left out of JSON), and never a secret: only whether the keyring has it. */

typedef enum
{
  STORED_UNKNOWN,   /* the keyring could not be asked: null */
  STORED_NO,
  STORED_YES,
} Stored;

static const char *
origin_name (KwConnectionOrigin origin)
{
  switch (origin)
    {
    case KW_CONNECTION_ORIGIN_SYSTEM:
      return "system";
    case KW_CONNECTION_ORIGIN_FILE:
      return "file";
    case KW_CONNECTION_ORIGIN_USER:
    default:
      return "user";
    }
}

static const char *
source_name (KwCredentialsSource source)
{
  switch (source)
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      return "profile";
    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      return "environment";
    case KW_CREDENTIALS_SOURCE_KEYRING:
      return "keyring";
    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      return "none";
    }
}

/* An absent value is left out, or given as null when @with_null: the text
 * output keeps one column per member that way, so scripts can cut it. */
static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value,
            gboolean     with_null)
{
  if (value == NULL && !with_null)
    return;

  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_stored (JsonBuilder *builder,
            const char  *member,
            Stored       stored)
{
  json_builder_set_member_name (builder, member);
  if (stored == STORED_UNKNOWN)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, stored == STORED_YES);
}

static void
add_summary (JsonBuilder  *builder,
             KwConnection *connection,
             gboolean      with_null)
{
  add_string (builder, "Id", kw_connection_get_id (connection), with_null);
  add_string (builder, "Name", kw_connection_get_name (connection), with_null);
  add_string (builder, "Region", kw_connection_get_region (connection), with_null);
  add_string (builder, "ClientId", kw_connection_get_client_id (connection), with_null);
  add_string (builder, "UserPoolId", kw_connection_get_user_pool_id (connection), with_null);
  add_string (builder, "EndpointUrl", kw_connection_get_endpoint_url (connection), with_null);
  add_boolean (builder, "HasClientSecret", kw_connection_get_has_client_secret (connection));
}

/* Asks the keyring whether it holds an item, without keeping the secret. */
static Stored
ask_keyring (KwSecretStore *secrets,
             KwSecretKind   kind,
             GHashTable    *attributes)
{
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = kw_cli_lookup_secret (secrets, kind, attributes, &error);
  if (error != NULL)
    {
      g_debug ("The keyring could not be asked: %s", error->message);
      return STORED_UNKNOWN;
    }
  if (secret == NULL)
    return STORED_NO;

  kw_secret_free (secret);
  return STORED_YES;
}

/* `connection show` and `connection import`: every setting of one
 * connection, as {"Connection": {…}}, like the AWS CLI's describe commands. */
static JsonNode *
connection_to_json (KwConnection *connection)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  const KwPasswordPolicy *policy = kw_connection_get_password_policy (connection);
  KwCredentialsSource source = kw_connection_get_credentials_source (connection);
  Stored client_secret = STORED_NO;

  if (kw_connection_get_has_client_secret (connection))
    {
      g_autoptr(GHashTable) attributes = NULL;

      attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                    kw_connection_get_client_id (connection));
      client_secret = ask_keyring (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Connection");
  json_builder_begin_object (builder);
  add_summary (builder, connection, TRUE);
  add_stored (builder, "ClientSecretStored", client_secret);
  add_boolean (builder, "PreventUserExistenceErrors",
               kw_connection_get_prevent_user_existence_errors (connection));

  json_builder_set_member_name (builder, "PasswordPolicy");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "MinimumLength");
  json_builder_add_int_value (builder, policy->minimum_length);
  add_boolean (builder, "RequireUppercase", policy->require_uppercase);
  add_boolean (builder, "RequireLowercase", policy->require_lowercase);
  add_boolean (builder, "RequireNumbers", policy->require_numbers);
  add_boolean (builder, "RequireSymbols", policy->require_symbols);
  json_builder_end_object (builder);

  add_string (builder, "CredentialsSource", source_name (source), TRUE);
  add_string (builder, "AwsProfile", kw_connection_get_aws_profile (connection), TRUE);
  add_string (builder, "AccessKeyId", kw_connection_get_access_key_id (connection), TRUE);
  if (source == KW_CREDENTIALS_SOURCE_KEYRING)
    {
      g_autoptr(GHashTable) attributes = NULL;

      attributes = kw_cli_aws_keys_item (connection);
      add_stored (builder, "AwsKeysStored",
                  ask_keyring (secrets, KW_SECRET_KIND_AWS_KEYS, attributes));
    }
  add_string (builder, "Origin", origin_name (kw_connection_get_origin (connection)), TRUE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * kw_cli_connection_list:
 *
 * `connection list`: {"Connections": […]}, or one line each as text.
 *
 * Returns: the exit status
 */
int
kw_cli_connection_list (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean with_null = invocation->output == KW_CLI_OUTPUT_TEXT;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Connections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(KwConnection) connection = g_list_model_get_item (G_LIST_MODEL (store), i);

      json_builder_begin_object (builder);
      add_summary (builder, connection, with_null);
      add_string (builder, "Origin", origin_name (kw_connection_get_origin (connection)), TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  kw_cli_print (node, invocation->output);

  return KW_CLI_EXIT_OK;
}

/**
 * kw_cli_connection_show:
 *
 * `connection show --connection NAME`
 *
 * Returns: the exit status
 */
int
kw_cli_connection_show (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;
  connection = kw_cli_find_connection (invocation, store, &status);
  if (connection == NULL)
    return status;

  node = connection_to_json (connection);
  kw_cli_print (node, invocation->output);

  return KW_CLI_EXIT_OK;
}

static gboolean
parse_boolean (KwCliInvocation  *invocation,
               const char       *option,
               gboolean         *value,
               char            **problem)
{
  const char *text = kw_cli_get (invocation, option);

  if (text == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0)
    *value = TRUE;
  else if (g_ascii_strcasecmp (text, "false") == 0)
    *value = FALSE;
  else
    {
      *problem = g_strdup_printf ("argument --%s: expected true or false, not '%s'", option, text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
parse_source (const char           *text,
              KwCredentialsSource  *source,
              char                **problem)
{
  static const char * const names[] = { "none", "profile", "environment", "keyring" };
  static const KwCredentialsSource sources[] = {
    KW_CREDENTIALS_SOURCE_NONE, KW_CREDENTIALS_SOURCE_PROFILE,
    KW_CREDENTIALS_SOURCE_ENVIRONMENT, KW_CREDENTIALS_SOURCE_KEYRING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (text, names[i]))
        {
          *source = sources[i];
          return TRUE;
        }
    }

  *problem = g_strdup_printf ("argument --credentials-source: invalid choice: '%s' (choose from "
                              "'none', 'profile', 'environment', 'keyring')", text);
  return FALSE;
}

/* Everything `connection add` was given, checked as the core checks a
 * connections file, before the keyring or the file is touched. */
static KwConnection *
connection_from_options (KwCliInvocation  *invocation,
                         char            **problem)
{
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  KwPasswordPolicy policy;
  KwCredentialsSource source = KW_CREDENTIALS_SOURCE_NONE;
  const char *source_text = kw_cli_get (invocation, "credentials-source");
  const char *length_text = kw_cli_get (invocation, "password-minimum-length");
  gboolean prevent = FALSE;

  kw_password_policy_init_default (&policy);

  if (length_text != NULL)
    {
      char *end = NULL;
      gint64 length = g_ascii_strtoll (length_text, &end, 10);

      if (end == length_text || *end != '\0' ||
          length < KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH ||
          length > KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH)
        {
          *problem = g_strdup_printf ("argument --password-minimum-length: expected a whole "
                                      "number from %d to %d, as Cognito allows",
                                      KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH,
                                      KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH);
          return NULL;
        }
      policy.minimum_length = (guint) length;
    }

  if (!parse_boolean (invocation, "password-require-uppercase", &policy.require_uppercase,
                      problem) ||
      !parse_boolean (invocation, "password-require-lowercase", &policy.require_lowercase,
                      problem) ||
      !parse_boolean (invocation, "password-require-numbers", &policy.require_numbers, problem) ||
      !parse_boolean (invocation, "password-require-symbols", &policy.require_symbols, problem) ||
      !parse_boolean (invocation, "prevent-user-existence-errors", &prevent, problem))
    return NULL;

  /* The source follows from the one option that names it, when not given. */
  if (source_text != NULL)
    {
      if (!parse_source (source_text, &source, problem))
        return NULL;
    }
  else if (kw_cli_get (invocation, "aws-profile") != NULL)
    source = KW_CREDENTIALS_SOURCE_PROFILE;
  else if (kw_cli_get (invocation, "access-key-id") != NULL)
    source = KW_CREDENTIALS_SOURCE_KEYRING;

  connection = g_object_new (KW_TYPE_CONNECTION,
                             "id", kw_cli_get (invocation, "id"),
                             "name", kw_cli_get (invocation, "name"),
                             "region", invocation->region,
                             "client-id", kw_cli_get (invocation, "client-id"),
                             "user-pool-id", kw_cli_get (invocation, "user-pool-id"),
                             "endpoint-url", invocation->endpoint_url,
                             "has-client-secret",
                             kw_cli_get (invocation, "with-client-secret") != NULL,
                             "prevent-user-existence-errors", prevent,
                             "password-policy", &policy,
                             "credentials-source", source,
                             "aws-profile", kw_cli_get (invocation, "aws-profile"),
                             "access-key-id", kw_cli_get (invocation, "access-key-id"),
                             "origin", KW_CONNECTION_ORIGIN_USER,
                             NULL);

  if (!kw_connection_validate (connection, &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }

  return g_steal_pointer (&connection);
}

static gboolean
add_connection (KwConnectionStore  *store,
                KwConnection       *connection,
                gboolean            replace,
                GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_connection_store_add_async (store, connection, replace, kw_cli_get_cancellable (),
                                 kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);

  return kw_connection_store_add_finish (store, result, error);
}

/**
 * kw_cli_connection_add:
 *
 * `connection add …`: prints nothing, as `aws configure set` does.
 *
 * Returns: the exit status
 */
int
kw_cli_connection_add (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwSecretStore) secrets = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gboolean replace = kw_cli_get (invocation, "replace") != NULL;
  gboolean with_secret = kw_cli_get (invocation, "with-client-secret") != NULL;
  KwConnection *existing;
  int status = KW_CLI_EXIT_OK;

  connection = connection_from_options (invocation, &problem);
  if (connection == NULL)
    return kw_cli_usage_failure (invocation, problem);

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;

  /* Refused before the secret is asked for, so nobody pastes it for nothing. */
  existing = kw_connection_store_lookup (store, kw_connection_get_id (connection));
  if (existing != NULL && kw_connection_get_origin (existing) == KW_CONNECTION_ORIGIN_SYSTEM)
    {
      fprintf (stderr, "The connection '%s' is set up for everyone on this computer and cannot "
                       "be replaced. System-wide connections are managed by the "
                       "administrator.\n", kw_connection_get_id (connection));
      return KW_CLI_EXIT_OTHER;
    }
  if (existing != NULL && !replace)
    {
      fprintf (stderr, "There is already a connection '%s'. Use --replace to replace it.\n",
               kw_connection_get_id (connection));
      return KW_CLI_EXIT_OTHER;
    }

  attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                kw_connection_get_client_id (connection));
  if (with_secret)
    {
      g_autofree char *label = NULL;
      char *secret;
      gboolean stored;

      secret = kw_cli_read_secret ("Client secret: ", "client secret", FALSE, &error);
      if (secret == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return KW_CLI_EXIT_USAGE;
        }

      secrets = kw_libsecret_store_new ();
      label = kw_secret_label_for_client (kw_connection_get_name (connection),
                                          kw_connection_get_client_id (connection));
      stored = kw_cli_store_secret (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, label,
                                    secret, &error);
      kw_secret_free (secret);
      if (!stored)
        return kw_cli_report_local_error (error, connection);
    }

  if (!add_connection (store, connection, replace, &error))
    {
      /* Leave the keyring as it was, unless the secret was another
       * connection's already. */
      if (with_secret && existing == NULL)
        kw_cli_clear_secret (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, NULL);
      return kw_cli_report_local_error (error, connection);
    }

  return KW_CLI_EXIT_OK;
}

/**
 * kw_cli_connection_remove:
 *
 * `connection remove --connection NAME`: the connection, its client secret
 * and the AWS keys it kept in the keyring.
 *
 * Returns: the exit status
 */
int
kw_cli_connection_remove (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;
  connection = kw_cli_find_connection (invocation, store, &status);
  if (connection == NULL)
    return status;

  /* A client without a secret has nothing in the keyring: removing it must
   * not depend on a keyring being there. */
  kw_connection_store_remove_async (store, kw_connection_get_id (connection),
                                    kw_connection_get_has_client_secret (connection)
                                      ? secrets : NULL,
                                    kw_cli_get_cancellable (), kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);
  if (!kw_connection_store_remove_finish (store, result, &error))
    return kw_cli_report_local_error (error, connection);

  /* As the store does for the client secret: the connection is gone either
   * way, and keys left behind are reported rather than undone for. */
  if (kw_connection_get_credentials_source (connection) == KW_CREDENTIALS_SOURCE_KEYRING)
    {
      g_autoptr(GHashTable) attributes = NULL;

      attributes = kw_cli_aws_keys_item (connection);
      if (!kw_cli_clear_secret (secrets, KW_SECRET_KIND_AWS_KEYS, attributes, &error))
        g_warning ("Removed the connection %s, but not its AWS keys from the keyring: %s",
                   kw_connection_get_id (connection), error->message);
    }

  return KW_CLI_EXIT_OK;
}

/**
 * kw_cli_connection_import:
 *
 * `connection import --file PATH [--replace]`: prints the connection saved.
 *
 * Returns: the exit status
 */
int
kw_cli_connection_import (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwSecretStore) secrets = kw_libsecret_store_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (kw_cli_get (invocation, "file"));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  KwImportFlags flags = KW_IMPORT_FLAGS_NONE;
  int status = KW_CLI_EXIT_OK;

  if (kw_cli_get (invocation, "replace") != NULL)
    flags |= KW_IMPORT_FLAGS_REPLACE;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;

  kw_connection_store_import_async (store, file, secrets, flags, kw_cli_get_cancellable (),
                                    kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);
  connection = kw_connection_store_import_finish (store, result, &error);
  if (connection == NULL)
    return kw_cli_report_local_error (error, NULL);

  node = connection_to_json (connection);
  kw_cli_print (node, invocation->output);

  return KW_CLI_EXIT_OK;
}

/**
 * kw_cli_connection_export:
 *
 * `connection export --connection NAME [--file PATH]`: the .keyway file on
 * standard output, or in PATH. Never a secret.
 *
 * Returns: the exit status
 */
int
kw_cli_connection_export (KwCliInvocation *invocation)
{
  g_autoptr(KwConnectionStore) store = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = kw_cli_get (invocation, "file");
  const char *contents;
  gsize length = 0;
  int status = KW_CLI_EXIT_OK;

  store = kw_cli_open_store (&status);
  if (store == NULL)
    return status;
  connection = kw_cli_find_connection (invocation, store, &status);
  if (connection == NULL)
    return status;

  data = kw_connection_to_file_data (connection);
  contents = g_bytes_get_data (data, &length);

  if (path == NULL)
    {
      fwrite (contents, 1, length, stdout);
      fflush (stdout);
      return KW_CLI_EXIT_OK;
    }

  if (!g_file_set_contents (path, contents, length, &error))
    {
      fprintf (stderr, "Could not write the connection file: %s\n", error->message);
      return KW_CLI_EXIT_OTHER;
    }

  return KW_CLI_EXIT_OK;
}
