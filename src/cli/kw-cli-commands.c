/* kw-cli-commands.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-aws-config.h"
#include "kw-endpoint.h"

#include <stdio.h>
#include <string.h>

typedef struct
{
  KwCliInvocation *invocation;
  KwCognitoClient *client;
  KwConnection    *connection;    /* nullable: without --connection */
  KwHelpdesk      *helpdesk;      /* the audited admin operations */
  char            *username;
  GCancellable    *cancellable;
  GMainLoop       *loop;
  char            *password;
  char            *user_pool_id;
  GHashTable      *client_metadata;
  GPtrArray       *users;         /* list-users, across pages */
  gboolean         paginate;
  int              status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_object (&run->client);
  g_clear_object (&run->connection);
  g_clear_object (&run->helpdesk);
  g_clear_pointer (&run->username, g_free);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->loop, g_main_loop_unref);
  if (run->password != NULL)
    explicit_bzero (run->password, strlen (run->password));
  g_clear_pointer (&run->password, g_free);
  g_clear_pointer (&run->user_pool_id, g_free);
  g_clear_pointer (&run->client_metadata, g_hash_table_unref);
  g_clear_pointer (&run->users, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

int
kw_cli_usage_failure (KwCliInvocation *invocation,
                      const char      *message)
{
  kw_cli_print_usage (stderr, invocation->command);
  fprintf (stderr, "\nkeyway-cli: error: %s\n", message);
  return KW_CLI_EXIT_USAGE;
}

static void
finish (Run          *run,
        const GError *error)
{
  if (error != NULL)
    run->status = kw_cli_report_error (error, run->invocation->command->operation,
                                       kw_cognito_client_get_endpoint (run->client),
                                       run->connection);
  else
    run->status = KW_CLI_EXIT_OK;

  g_main_loop_quit (run->loop);
}

static void
forgot_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCodeDeliveryDetails) details = NULL;

  details = kw_cognito_client_forgot_password_finish (KW_COGNITO_CLIENT (object), result, &error);
  if (details != NULL)
    {
      g_autoptr(JsonNode) node = kw_cli_delivery_to_json (details);

      kw_cli_print (node, run->invocation->output);
    }
  finish (run, error);
}

static void
admin_get_user_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KwCognitoUser) user = NULL;

  user = kw_cognito_client_admin_get_user_finish (KW_COGNITO_CLIENT (object), result, &error);
  if (user != NULL)
    {
      g_autoptr(JsonNode) node = kw_cli_user_to_json (user, "UserAttributes");

      kw_cli_print (node, run->invocation->output);
    }
  finish (run, error);
}

/* Operations with no output print nothing on success, like the AWS CLI. */
static void
confirm_forgot_password_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  kw_cognito_client_confirm_forgot_password_finish (KW_COGNITO_CLIENT (object), result, &error);
  finish (run, error);
}

/* The admin operations go through KwHelpdesk, which audits them before it
 * answers. */
static void
helpdesk_reset_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  kw_helpdesk_reset_finish (KW_HELPDESK (object), result, NULL, &error);
  finish (run, error);
}

static void
helpdesk_set_password_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  kw_helpdesk_set_password_finish (KW_HELPDESK (object), result, NULL, &error);
  finish (run, error);
}

static void list_users_page (Run *run, const char *token);

static void
list_users_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *token = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;

  users = kw_cognito_client_list_users_finish (KW_COGNITO_CLIENT (object), result, &token, &error);
  if (users == NULL)
    {
      finish (run, error);
      return;
    }

  g_ptr_array_extend_and_steal (run->users, g_steal_pointer (&users));

  /* Like the AWS CLI, follow the pages unless the caller chose a page size. */
  if (run->paginate && token != NULL)
    {
      list_users_page (run, token);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Users");
  json_builder_begin_array (builder);
  for (guint i = 0; i < run->users->len; i++)
    {
      g_autoptr(JsonNode) user = kw_cli_user_to_json (g_ptr_array_index (run->users, i),
                                                      "Attributes");

      json_builder_add_value (builder, g_steal_pointer (&user));
    }
  json_builder_end_array (builder);
  if (token != NULL)
    {
      json_builder_set_member_name (builder, "PaginationToken");
      json_builder_add_string_value (builder, token);
    }
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  kw_cli_print (node, run->invocation->output);
  finish (run, NULL);
}

static void
list_users_page (Run        *run,
                 const char *token)
{
  KwCliInvocation *invocation = run->invocation;
  const char *limit_text = kw_cli_get (invocation, "limit");
  GPtrArray *attributes = kw_cli_get_all (invocation, "attributes-to-get");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) attributes_to_get = NULL;
  int limit = limit_text != NULL ? atoi (limit_text) : -1;

  if (attributes != NULL)
    {
      for (guint i = 0; i < attributes->len; i++)
        g_strv_builder_add (names, g_ptr_array_index (attributes, i));
      attributes_to_get = g_strv_builder_end (names);
    }

  kw_cognito_client_list_users_async (run->client, run->user_pool_id,
                                      kw_cli_get (invocation, "filter"),
                                      limit, token, (const char * const *) attributes_to_get,
                                      run->cancellable, list_users_cb, run);
}

/* KEY=VALUE pairs, split on the first '='. */
static gboolean
parse_metadata (KwCliInvocation  *invocation,
                GHashTable      **metadata,
                char            **problem)
{
  GPtrArray *pairs = kw_cli_get_all (invocation, "client-metadata");

  if (pairs == NULL)
    return TRUE;

  *metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      const char *pair = g_ptr_array_index (pairs, i);
      const char *equals = strchr (pair, '=');

      if (equals == NULL || equals == pair)
        {
          *problem = g_strdup_printf ("argument --client-metadata: expected KEY=VALUE, not '%s'",
                                      pair);
          return FALSE;
        }
      g_hash_table_replace (*metadata, g_strndup (pair, equals - pair), g_strdup (equals + 1));
    }

  return TRUE;
}

/* The AWS CLI's shorthand for small structures: Name=value,Name=value. */
static gboolean
parse_shorthand (const char         *option,
                 const char         *text,
                 const char * const *allowed,
                 GHashTable         *into,
                 char              **problem)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');
      g_autofree char *name = equals != NULL ? g_strndup (parts[i], equals - parts[i]) : NULL;

      if (name == NULL || !g_strv_contains (allowed, name))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) allowed);

          *problem = g_strdup_printf ("argument --%s: expected %s=VALUE pairs, not '%s'",
                                      option, choices, parts[i]);
          return FALSE;
        }
      g_hash_table_replace (into, g_steal_pointer (&name), g_strdup (equals + 1));
    }

  return TRUE;
}

static void
log_settings (const KwAwsSettings *settings,
              const char          *endpoint)
{
  g_debug ("Profile %s, region %s, endpoint %s", settings->profile,
           settings->region != NULL ? settings->region : "(none)", endpoint);

  if (settings->credentials != NULL)
    {
      g_autofree char *masked = kw_aws_credentials_dup_masked_key_id (settings->credentials);

      g_debug ("Credentials from %s: access key %s%s", settings->credentials->source, masked,
               kw_aws_credentials_is_temporary (settings->credentials) ? ", temporary" : "");
    }
  else
    g_debug ("No AWS credentials found");
}

/**
 * kw_cli_actor_for:
 *
 * Who acts with @credentials, as the audit log names them: the access key
 * id and where it came from, "AKIA… (profile helpdesk)" or
 * "AKIA… (environment)". Never the secret key.
 *
 * Returns: (transfer full): the actor
 */
char *
kw_cli_actor_for (const KwAwsCredentials *credentials)
{
  if (credentials->source == NULL)
    return g_strdup (credentials->access_key_id);

  return g_strdup_printf ("%s (%s)", credentials->access_key_id, credentials->source);
}

/* Without --connection: everything from the options, the environment and the
 * AWS config files, the way the AWS CLI resolves them. */
static KwCognitoClient *
create_client (KwCliInvocation  *invocation,
               char            **actor,
               int              *status)
{
  KwCognitoOperation operation = invocation->command->operation;
  KwAwsOverrides overrides = {
    .profile = invocation->profile,
    .region = invocation->region,
    .endpoint_url = invocation->endpoint_url,
  };
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(KwAwsSettings) settings = NULL;
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;

  settings = kw_aws_settings_resolve (&overrides, (const char * const *) envp, &error);
  if (settings == NULL)
    {
      *status = kw_cli_report_error (error, operation, NULL, NULL);
      return NULL;
    }

  if (settings->endpoint_url != NULL)
    endpoint = g_strdup (settings->endpoint_url);
  else if (settings->region != NULL)
    {
      endpoint = kw_endpoint_for_region (settings->region, settings->use_fips, &error);
      if (endpoint == NULL)
        {
          *status = kw_cli_report_error (error, operation, NULL, NULL);
          return NULL;
        }
    }
  else
    {
      fprintf (stderr, "You must specify a region: use --region, set AWS_REGION, or add a region "
                       "to the profile in ~/.aws/config.\n");
      *status = KW_CLI_EXIT_OTHER;
      return NULL;
    }

  if (kw_cognito_operation_is_signed (operation) && settings->credentials_error != NULL)
    {
      *status = kw_cli_report_error (settings->credentials_error, operation, NULL, NULL);
      return NULL;
    }

  if (kw_cognito_operation_is_signed (operation) && settings->region == NULL)
    {
      fprintf (stderr, "You must specify a region to sign %s requests: use --region or set "
                       "AWS_REGION.\n",
               kw_cognito_operation_get_name (operation));
      *status = KW_CLI_EXIT_OTHER;
      return NULL;
    }

  log_settings (settings, endpoint);

  client = kw_cognito_client_new (endpoint, settings->region,
                                  kw_cli_get (invocation, "client-id"),
                                  g_getenv ("KEYWAY_CLIENT_SECRET"));
  kw_cognito_client_set_credentials (client, settings->credentials);
  if (settings->credentials != NULL)
    *actor = kw_cli_actor_for (settings->credentials);

  return g_steal_pointer (&client);
}

/**
 * kw_cli_open_client:
 * @connection: (out): the connection named by --connection, or %NULL
 * @actor: (out): who acts, for the audit log; %NULL without credentials
 * @status: (out): the exit status when there is no client
 *
 * The client of a Cognito command: from --connection, or else from the
 * options, the environment and the AWS configuration. Every failure has
 * been reported on standard error.
 *
 * Returns: (transfer full) (nullable): the client
 */
KwCognitoClient *
kw_cli_open_client (KwCliInvocation  *invocation,
                    KwConnection    **connection,
                    char            **actor,
                    int              *status)
{
  KwCognitoClient *client;

  *connection = NULL;
  *actor = NULL;

  if (invocation->connection != NULL)
    client = kw_cli_connect (invocation, connection, actor, status);
  else
    client = create_client (invocation, actor, status);

  if (client != NULL)
    kw_cognito_client_set_timeout (client, invocation->timeout);

  return client;
}

/**
 * kw_cli_get_user_pool_id:
 * @connection: (nullable): the connection of --connection
 *
 * Returns: (nullable): --user-pool-id, or else the connection's
 */
const char *
kw_cli_get_user_pool_id (KwCliInvocation *invocation,
                         KwConnection    *connection)
{
  const char *user_pool_id = kw_cli_get (invocation, "user-pool-id");

  if (user_pool_id == NULL && connection != NULL)
    user_pool_id = kw_connection_get_user_pool_id (connection);

  return user_pool_id;
}

/**
 * kw_cli_run:
 *
 * Runs the invocation's command to the end.
 *
 * Returns: the exit status
 */
int
kw_cli_run (KwCliInvocation *invocation)
{
  static const char * const analytics_members[] = { "AnalyticsEndpointId", NULL };
  static const char * const context_members[] = { "IpAddress", "EncodedData", NULL };
  g_auto(Run) run = { .invocation = invocation };
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) analytics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) context = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *problem = NULL;
  g_autofree char *actor = NULL;
  const KwCliCommand *command = invocation->command;
  const char *limit_text = kw_cli_get (invocation, "limit");
  KwCognitoExtras extras = { NULL };
  int status = KW_CLI_EXIT_OK;

  /* Everything a person typed is checked before any file, prompt or network. */
  if (!parse_metadata (invocation, &run.client_metadata, &problem) ||
      !parse_shorthand ("analytics-metadata", kw_cli_get (invocation, "analytics-metadata"),
                        analytics_members, analytics, &problem) ||
      !parse_shorthand ("user-context-data", kw_cli_get (invocation, "user-context-data"),
                        context_members, context, &problem))
    return kw_cli_usage_failure (invocation, problem);

  if (limit_text != NULL)
    {
      char *end = NULL;
      gint64 limit = g_ascii_strtoll (limit_text, &end, 10);

      if (end == limit_text || *end != '\0' || limit < 0 || limit > 60)
        return kw_cli_usage_failure (invocation,
                                     "argument --limit: expected a whole number from 0 to 60");
    }

  if (kw_cli_get (invocation, "permanent") != NULL &&
      kw_cli_get (invocation, "no-permanent") != NULL)
    return kw_cli_usage_failure (invocation,
                                 "--permanent and --no-permanent cannot be used together");

  run.client = kw_cli_open_client (invocation, &run.connection, &actor, &status);
  if (run.client == NULL)
    return status;

  if (command->reads_password)
    {
      run.password = kw_cli_read_password ("New password: ", &error);
      if (run.password == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return KW_CLI_EXIT_USAGE;
        }
    }

  run.cancellable = g_object_ref (kw_cli_get_cancellable ());
  run.loop = g_main_loop_new (NULL, FALSE);
  run.user_pool_id = g_strdup (kw_cli_get_user_pool_id (invocation, run.connection));
  run.username = g_strdup (kw_cli_get (invocation, "username"));

  /* Whatever changes a user is written to the audit log. */
  if (command->operation == KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD ||
      command->operation == KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD)
    run.helpdesk = kw_cli_new_helpdesk (run.client, run.user_pool_id, run.connection, actor);

  extras.client_metadata = run.client_metadata;
  extras.analytics_endpoint_id = g_hash_table_lookup (analytics, "AnalyticsEndpointId");
  extras.user_context_ip_address = g_hash_table_lookup (context, "IpAddress");
  extras.user_context_encoded_data = g_hash_table_lookup (context, "EncodedData");

  switch (command->operation)
    {
    case KW_COGNITO_OPERATION_FORGOT_PASSWORD:
      kw_cognito_client_forgot_password_async (run.client, kw_cli_get (invocation, "username"),
                                               &extras, run.cancellable, forgot_password_cb, &run);
      break;
    case KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD:
      kw_cognito_client_confirm_forgot_password_async (run.client,
                                                       kw_cli_get (invocation, "username"),
                                                       kw_cli_get (invocation, "confirmation-code"),
                                                       run.password, &extras, run.cancellable,
                                                       confirm_forgot_password_cb, &run);
      break;
    case KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD:
      kw_helpdesk_reset_async (run.helpdesk, run.username, run.client_metadata, run.cancellable,
                               helpdesk_reset_cb, &run);
      break;
    case KW_COGNITO_OPERATION_ADMIN_GET_USER:
      kw_cognito_client_admin_get_user_async (run.client, run.user_pool_id,
                                              kw_cli_get (invocation, "username"),
                                              run.cancellable, admin_get_user_cb, &run);
      break;
    case KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD:
      kw_helpdesk_set_password_async (run.helpdesk, run.username, run.password,
                                      kw_cli_get (invocation, "permanent") != NULL,
                                      run.cancellable, helpdesk_set_password_cb, &run);
      break;
    case KW_COGNITO_OPERATION_LIST_USERS:
      run.users = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_cognito_user_free);
      run.paginate = limit_text == NULL && kw_cli_get (invocation, "pagination-token") == NULL;
      list_users_page (&run, kw_cli_get (invocation, "pagination-token"));
      break;
    default:
      g_assert_not_reached ();
    }

  g_main_loop_run (run.loop);

  return run.status;
}
