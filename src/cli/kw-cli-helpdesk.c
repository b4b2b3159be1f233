/* kw-cli-helpdesk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-audit-log.h"

#include <stdio.h>

/* The helpdesk side of keyway-cli goes through KwHelpdesk, as the app does,
 * so that every change to a user lands in the same audit log
 * ($XDG_STATE_HOME/keyway/audit.log) whichever tool made it. */

/**
 * kw_cli_new_helpdesk:
 * @connection: (nullable): the connection of --connection, for its password policy
 * @actor: (nullable): who acts, from kw_cli_open_client()
 *
 * Returns: (transfer full): a helpdesk that writes to the user's audit log
 */
KwHelpdesk *
kw_cli_new_helpdesk (KwCognitoClient *client,
                     const char      *user_pool_id,
                     KwConnection    *connection,
                     const char      *actor)
{
  g_autoptr(KwAuditLog) audit_log = kw_audit_log_new (NULL);
  g_autofree char *path = g_file_get_path (kw_audit_log_get_file (audit_log));

  g_debug ("Audit log %s, actor %s", path, actor != NULL ? actor : "(unknown)");

  return kw_helpdesk_new (client, user_pool_id,
                          connection != NULL ? kw_connection_get_password_policy (connection)
                                             : NULL,
                          audit_log, actor);
}

/* lookup-user */

static void
print_users (GPtrArray   *users,
             KwCliOutput  output)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Users");
  json_builder_begin_array (builder);
  for (guint i = 0; users != NULL && i < users->len; i++)
    {
      g_autoptr(JsonNode) user = kw_cli_user_to_json (g_ptr_array_index (users, i),
                                                      "Attributes");

      json_builder_add_value (builder, g_steal_pointer (&user));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  kw_cli_print (node, output);
}

static const char *
lookup_kind_name (KwLookupKind kind)
{
  switch (kind)
    {
    case KW_LOOKUP_EMAIL:
      return "email";
    case KW_LOOKUP_PHONE:
      return "phone number";
    case KW_LOOKUP_USERNAME:
    default:
      return "username";
    }
}

/**
 * kw_cli_lookup_user:
 *
 * `lookup-user --query TEXT`: a username, an email address or a phone
 * number, read the way the app's helpdesk search reads it. Prints the users
 * found as list-users does: none is an empty list, whichever the query.
 *
 * Returns: the exit status
 */
int
kw_cli_lookup_user (KwCliInvocation *invocation)
{
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *query = kw_cli_get (invocation, "query");
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  KwLookupKind kind = kw_helpdesk_classify_query (query);
  int status = KW_CLI_EXIT_OK;

  if (*trimmed == '\0')
    return kw_cli_usage_failure (invocation, "argument --query: expected a username, an email "
                                             "address or a phone number");

  client = kw_cli_open_client (invocation, &connection, &actor, &status);
  if (client == NULL)
    return status;

  helpdesk = kw_cli_new_helpdesk (client, kw_cli_get_user_pool_id (invocation, connection),
                                  connection, actor);
  g_debug ("Looking up by %s", lookup_kind_name (kind));

  kw_helpdesk_lookup_async (helpdesk, query, kw_cli_get_cancellable (),
                            kw_cli_store_result_cb, &result);
  kw_cli_wait (&result);
  users = kw_helpdesk_lookup_finish (helpdesk, result, &error);

  /* An unknown username is an empty result, as an unknown email is. */
  if (users == NULL && g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND))
    g_clear_error (&error);

  if (error != NULL)
    return kw_cli_report_error (error,
                                kind == KW_LOOKUP_USERNAME
                                  ? KW_COGNITO_OPERATION_ADMIN_GET_USER
                                  : KW_COGNITO_OPERATION_LIST_USERS,
                                kw_cognito_client_get_endpoint (client), connection);

  print_users (users, invocation->output);

  return KW_CLI_EXIT_OK;
}
