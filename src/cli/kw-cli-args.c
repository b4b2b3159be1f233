/* kw-cli-args.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include <string.h>

/* Options and commands follow the AWS CLI's, so a helpdesk script written for
 * `aws cognito-idp` needs little more than a new program name. */

static const KwCliOption forgot_password_options[] = {
  { "client-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { "analytics-metadata", KW_CLI_VALUE, FALSE, "AnalyticsEndpointId=ID" },
  { "user-context-data", KW_CLI_VALUE, FALSE, "IpAddress=IP,EncodedData=DATA" },
  { NULL }
};

static const KwCliOption confirm_forgot_password_options[] = {
  { "client-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "confirmation-code", KW_CLI_VALUE, TRUE, "CODE" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { "analytics-metadata", KW_CLI_VALUE, FALSE, "AnalyticsEndpointId=ID" },
  { "user-context-data", KW_CLI_VALUE, FALSE, "IpAddress=IP,EncodedData=DATA" },
  { NULL }
};

static const KwCliOption admin_reset_user_password_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { NULL }
};

static const KwCliOption admin_get_user_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { NULL }
};

static const KwCliOption admin_set_user_password_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "permanent", KW_CLI_FLAG, FALSE, NULL },
  { "no-permanent", KW_CLI_FLAG, FALSE, NULL },
  { NULL }
};

static const KwCliOption list_users_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "filter", KW_CLI_VALUE, FALSE, "EXPR" },
  { "limit", KW_CLI_VALUE, FALSE, "N" },
  { "pagination-token", KW_CLI_VALUE, FALSE, "TOKEN" },
  { "attributes-to-get", KW_CLI_REPEATED, FALSE, "NAME" },
  { NULL }
};

static const KwCliOption admin_reset_user_passwords_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "usernames-file", KW_CLI_VALUE, TRUE, "PATH|-" },
  { "concurrency", KW_CLI_VALUE, FALSE, "N" },
  { NULL }
};

static const KwCliOption lookup_user_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID", TRUE },
  { "query", KW_CLI_VALUE, TRUE, "TEXT" },
  { NULL }
};

static const KwCliOption no_options[] = {
  { NULL }
};

/* --region and --endpoint-url are global options; they are listed here for
 * the usage line and the check that --region is given. */
static const KwCliOption connection_add_options[] = {
  { "id", KW_CLI_VALUE, TRUE, "ID" },
  { "name", KW_CLI_VALUE, TRUE, "NAME" },
  { "region", KW_CLI_VALUE, TRUE, "REGION" },
  { "client-id", KW_CLI_VALUE, TRUE, "ID" },
  { "user-pool-id", KW_CLI_VALUE, FALSE, "ID" },
  { "endpoint-url", KW_CLI_VALUE, FALSE, "URL" },
  { "with-client-secret", KW_CLI_FLAG, FALSE, NULL },
  { "password-minimum-length", KW_CLI_VALUE, FALSE, "N" },
  { "password-require-uppercase", KW_CLI_VALUE, FALSE, "true|false" },
  { "password-require-lowercase", KW_CLI_VALUE, FALSE, "true|false" },
  { "password-require-numbers", KW_CLI_VALUE, FALSE, "true|false" },
  { "password-require-symbols", KW_CLI_VALUE, FALSE, "true|false" },
  { "prevent-user-existence-errors", KW_CLI_VALUE, FALSE, "true|false" },
  { "credentials-source", KW_CLI_VALUE, FALSE, "none|profile|environment|keyring" },
  { "aws-profile", KW_CLI_VALUE, FALSE, "PROFILE" },
  { "access-key-id", KW_CLI_VALUE, FALSE, "ID" },
  { "replace", KW_CLI_FLAG, FALSE, NULL },
  { NULL }
};

static const KwCliOption connection_import_options[] = {
  { "file", KW_CLI_VALUE, TRUE, "PATH" },
  { "replace", KW_CLI_FLAG, FALSE, NULL },
  { NULL }
};

static const KwCliOption connection_export_options[] = {
  { "file", KW_CLI_VALUE, FALSE, "PATH" },
  { NULL }
};

static const KwCliOption secret_options[] = {
  { "aws-keys", KW_CLI_FLAG, FALSE, NULL },
  { NULL }
};

static const KwCliCommand commands[] = {
  { "forgot-password", KW_COGNITO_OPERATION_FORGOT_PASSWORD,
    "Send a password reset code to a user", forgot_password_options, FALSE },
  { "confirm-forgot-password", KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD,
    "Set a new password with a reset code (password on standard input)",
    confirm_forgot_password_options, TRUE },
  { "admin-reset-user-password", KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
    "Reset a user's password and send them a code (signed)",
    admin_reset_user_password_options, FALSE },
  { "admin-get-user", KW_COGNITO_OPERATION_ADMIN_GET_USER,
    "Show a user (signed)", admin_get_user_options, FALSE },
  { "admin-set-user-password", KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD,
    "Set a user's password (signed; password on standard input)",
    admin_set_user_password_options, TRUE },
  { "list-users", KW_COGNITO_OPERATION_LIST_USERS,
    "List or search users (signed)", list_users_options, FALSE },

  { .name = "admin-reset-user-passwords",
    .operation = KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
    .summary = "Reset the passwords of a list of users (signed)",
    .options = admin_reset_user_passwords_options, .run = kw_cli_bulk_reset, .keyway_own = TRUE,
    .details = "Keyway's own command, not in the AWS CLI. Usernames come from a file, or from\n"
               "standard input with '--usernames-file -': one per line; blank lines and lines\n"
               "starting with # are skipped. At most --concurrency requests (default 4) are in\n"
               "flight, and the pace slows when the service throttles. On a terminal, standard\n"
               "error shows the progress. Prints every user's Status (DONE, FAILED or PENDING)\n"
               "with the Error, Message and RequestId of the answer, then the counts. Exits\n"
               "0 when every user is done, 254 when any failed, 130 on Ctrl+C: requests in\n"
               "flight finish and users not yet sent stay PENDING; run the command again with\n"
               "the users that are not DONE. Every reset is written to the audit log." },
  { .name = "lookup-user", .operation = KW_COGNITO_OPERATION_LIST_USERS,
    .summary = "Find users by username, email address or phone number (signed)",
    .options = lookup_user_options, .run = kw_cli_lookup_user, .keyway_own = TRUE,
    .details = "Keyway's own command, not in the AWS CLI. The query is read as an email address\n"
               "(name@example.com), a phone number (+ and 7 to 15 digits; spaces, dashes, dots\n"
               "and parentheses are ignored), or else a username. Prints {\"Users\": [...]} as\n"
               "list-users does; an empty list when nobody matches." },
  { .name = "check-password", .summary = "Check a password against a password policy",
    .options = no_options, .reads_password = TRUE, .run = kw_cli_check_password,
    .keyway_own = TRUE,
    .details = "Keyway's own command, not in the AWS CLI. Checks the password against the\n"
               "policy of --connection NAME, or Cognito's default policy, without sending it\n"
               "anywhere, and prints whether it is Acceptable and each Rule with its\n"
               "Description and whether it is Met; never the password. Exits 0 when the\n"
               "password is acceptable, 1 when it is not." },

  { .name = "connection", .summary = "Manage saved connections", .options = no_options,
    .is_group = TRUE },
  { .name = "connection list", .summary = "List the saved connections",
    .options = no_options, .run = kw_cli_connection_list,
    .details = "Connections come from your own connections file and from system-wide ones\n"
               "an administrator installs (Origin \"system\", read-only)." },
  { .name = "connection show", .summary = "Show every setting of a connection",
    .options = no_options, .run = kw_cli_connection_show, .needs_connection = TRUE,
    .details = "Never shows a secret: ClientSecretStored says whether the keyring holds the\n"
               "client secret (null when no keyring answers)." },
  { .name = "connection add", .summary = "Save a connection",
    .options = connection_add_options, .run = kw_cli_connection_add,
    .details = "With --with-client-secret the app client's secret is read from standard input,\n"
               "or asked for without echo on a terminal, and stored in the keyring; it is\n"
               "never accepted on the command line. The password policy defaults to\n"
               "Cognito's (8 characters, upper and lower case, numbers, symbols). Helpdesk\n"
               "connections name where their AWS credentials come from: a profile\n"
               "(--aws-profile), the environment, or the keyring (--access-key-id, then\n"
               "'keyway-cli secret set --aws-keys'). --replace replaces a connection of yours\n"
               "with the same id." },
  { .name = "connection remove", .summary = "Remove a connection and its client secret",
    .options = no_options, .run = kw_cli_connection_remove, .needs_connection = TRUE,
    .details = "Its client secret, and AWS keys it kept in the keyring, are removed from the\n"
               "keyring too. System-wide connections cannot be removed." },
  { .name = "connection import", .summary = "Save the connection of a .keyway file",
    .options = connection_import_options, .run = kw_cli_connection_import,
    .details = "A ClientSecret in the file goes to the keyring, never to the connections\n"
               "file; without a keyring the import fails and nothing is saved. Prints the\n"
               "imported connection." },
  { .name = "connection export", .summary = "Write a connection as a .keyway file",
    .options = connection_export_options, .run = kw_cli_connection_export,
    .needs_connection = TRUE,
    .details = "Writes to standard output, or to --file PATH. The file never holds a secret:\n"
               "share the client secret another way." },

  { .name = "secret", .summary = "Manage secrets in the keyring", .options = no_options,
    .is_group = TRUE },
  { .name = "secret set", .summary = "Store a connection's client secret in the keyring",
    .options = secret_options, .run = kw_cli_secret_set, .needs_connection = TRUE,
    .details = "The secret is read from the first line of standard input, or asked for\n"
               "without echo on a terminal. With --aws-keys, for a connection whose credentials\n"
               "come from the keyring: the secret access key, then optionally the session\n"
               "token on a second line." },
  { .name = "secret clear", .summary = "Remove a connection's client secret from the keyring",
    .options = secret_options, .run = kw_cli_secret_clear, .needs_connection = TRUE,
    .details = "With --aws-keys, removes the connection's AWS keys instead." },
};

/**
 * kw_cli_get_commands:
 *
 * Returns: (array length=n_commands): the commands
 */
const KwCliCommand *
kw_cli_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

void
kw_cli_invocation_free (KwCliInvocation *invocation)
{
  if (invocation == NULL)
    return;

  g_free (invocation->region);
  g_free (invocation->endpoint_url);
  g_free (invocation->profile);
  g_free (invocation->connection);
  g_clear_pointer (&invocation->values, g_hash_table_unref);
  g_clear_pointer (&invocation->repeated, g_hash_table_unref);
  g_free (invocation);
}

const char *
kw_cli_get (KwCliInvocation *invocation,
            const char      *option)
{
  return g_hash_table_lookup (invocation->values, option);
}

GPtrArray *
kw_cli_get_all (KwCliInvocation *invocation,
                const char      *option)
{
  return g_hash_table_lookup (invocation->repeated, option);
}

/* The commands of @group, or with no group the top-level ones that are
 * Keyway's own or not as @keyway_own says. */
static void
print_command_list (FILE       *stream,
                    const char *group,
                    gboolean    keyway_own)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *space = strchr (commands[i].name, ' ');
      gboolean in_group = space != NULL && group != NULL &&
                          strncmp (commands[i].name, group, space - commands[i].name) == 0 &&
                          group[space - commands[i].name] == '\0';

      if (commands[i].is_group)
        continue;
      if (group == NULL ? space != NULL || commands[i].keyway_own != keyway_own : !in_group)
        continue;
      fprintf (stream, "  %-27s %s\n", commands[i].name, commands[i].summary);
    }
}

#define USAGE_WIDTH 79

void
kw_cli_print_usage (FILE               *stream,
                    const KwCliCommand *command)
{
  g_autoptr(GString) usage = NULL;
  gboolean from_connection = FALSE;
  gsize line_start;

  if (command == NULL)
    {
      fprintf (stream,
               "usage: keyway-cli [--connection NAME] [--region R] [--endpoint-url URL] "
               "[--profile P]\n"
               "                  [--output json|text] [--timeout SECONDS] [--debug] "
               "[--version] [--help]\n"
               "                  COMMAND [OPTIONS]\n"
               "\nCommands:\n");
      print_command_list (stream, NULL, FALSE);
      fprintf (stream, "\nKeyway's own commands (not in the AWS CLI):\n");
      print_command_list (stream, NULL, TRUE);
      fprintf (stream, "\nConnections and secrets:\n");
      print_command_list (stream, "connection", FALSE);
      print_command_list (stream, "secret", FALSE);
      fprintf (stream,
               "\n--connection NAME uses a saved connection, by id or by name: it supplies the\n"
               "region, client id, user pool id, endpoint URL, client secret (from the keyring)\n"
               "and AWS credentials of the command. Options given on the command line win over\n"
               "the connection's values.\n"
               "\nWhatever changes a user (admin-reset-user-password, admin-set-user-password,\n"
               "admin-reset-user-passwords) is written to the audit log,\n"
               "$XDG_STATE_HOME/keyway/audit.log (~/.local/state/keyway/audit.log), with the\n"
               "access key id that acted; never a password or secret.\n"
               "\nRun 'keyway-cli COMMAND --help' for a command's options.\n");
      return;
    }

  if (command->is_group)
    {
      fprintf (stream, "usage: keyway-cli [global options] %s OPERATION [OPTIONS]\n\n%s.\n"
                       "\nOperations:\n", command->name, command->summary);
      print_command_list (stream, command->name, FALSE);
      return;
    }

  usage = g_string_new (NULL);
  g_string_append_printf (usage, "usage: keyway-cli [global options] %s", command->name);
  line_start = 0;
  if (command->needs_connection)
    g_string_append (usage, " --connection NAME");
  for (const KwCliOption *option = command->options; option->name != NULL; option++)
    {
      const char *open = option->required ? "" : "[";
      const char *close = option->required ? "" : "]";
      const char *more = option->kind == KW_CLI_REPEATED ? "..." : "";
      g_autofree char *text = NULL;

      from_connection |= option->from_connection;
      if (option->kind == KW_CLI_FLAG)
        text = g_strdup_printf ("[--%s]", option->name);
      else
        text = g_strdup_printf ("%s--%s %s%s%s", open, option->name, option->placeholder, close,
                                more);

      /* Wrapped as the AWS CLI wraps its usage, under the command. */
      if (usage->len - line_start + 1 + strlen (text) > USAGE_WIDTH)
        {
          g_string_append_printf (usage, "\n%*s", (int) strlen ("usage: keyway-cli"), "");
          line_start = usage->len - strlen ("usage: keyway-cli");
        }
      g_string_append_printf (usage, " %s", text);
    }
  fprintf (stream, "%s\n\n%s.\n", usage->str, command->summary);
  if (command->details != NULL)
    fprintf (stream, "%s\n", command->details);
  if (command->reads_password)
    fprintf (stream, "The password is read from the first line of standard input, or asked for\n"
                     "without echo on a terminal. It is never accepted on the command line.\n");
  if (from_connection)
    fprintf (stream, "With --connection NAME, the connection supplies the client id, user pool "
                     "id,\nregion, endpoint URL, client secret and credentials; options given "
                     "here win.\n");
}

static const KwCliOption *
find_option (const KwCliCommand *command,
             const char         *name)
{
  for (const KwCliOption *option = command->options; option->name != NULL; option++)
    {
      if (strcmp (option->name, name) == 0)
        return option;
    }

  return NULL;
}

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                                                format, args));
  va_end (args);

  return FALSE;
}

/* Splits "--name=value" and "--name value"; TRUE with *value NULL for a flag. */
static gboolean
take_value (int          argc,
            char       **argv,
            int         *i,
            const char  *name,
            const char **value,
            GError     **error)
{
  const char *equals = strchr (argv[*i], '=');

  if (equals != NULL)
    {
      *value = equals + 1;
      return TRUE;
    }

  if (*i + 1 >= argc)
    return usage_error (error, "argument --%s: expected one argument", name);

  *value = argv[++*i];
  return TRUE;
}

static void
replace_string (char       **str,
                const char  *value)
{
  g_free (*str);
  *str = g_strdup (value);
}

static gboolean
parse_global (KwCliInvocation  *invocation,
              const char       *name,
              int               argc,
              char            **argv,
              int              *i,
              gboolean         *handled,
              GError          **error)
{
  const char *value = NULL;
  char *end = NULL;
  guint64 seconds;

  *handled = TRUE;

  if (strcmp (name, "debug") == 0)
    invocation->debug = TRUE;
  else if (strcmp (name, "help") == 0)
    invocation->help = TRUE;
  else if (strcmp (name, "version") == 0)
    invocation->version = TRUE;
  else if (strcmp (name, "region") == 0 || strcmp (name, "endpoint-url") == 0 ||
           strcmp (name, "profile") == 0 || strcmp (name, "output") == 0 ||
           strcmp (name, "timeout") == 0 || strcmp (name, "connection") == 0)
    {
      if (!take_value (argc, argv, i, name, &value, error))
        return FALSE;

      if (strcmp (name, "region") == 0)
        replace_string (&invocation->region, value);
      else if (strcmp (name, "endpoint-url") == 0)
        replace_string (&invocation->endpoint_url, value);
      else if (strcmp (name, "profile") == 0)
        replace_string (&invocation->profile, value);
      else if (strcmp (name, "connection") == 0)
        replace_string (&invocation->connection, value);
      else if (strcmp (name, "output") == 0)
        {
          if (strcmp (value, "json") == 0)
            invocation->output = KW_CLI_OUTPUT_JSON;
          else if (strcmp (value, "text") == 0)
            invocation->output = KW_CLI_OUTPUT_TEXT;
          else
            return usage_error (error, "argument --output: invalid choice: '%s' "
                                "(choose from 'json', 'text')", value);
        }
      else
        {
          seconds = g_ascii_strtoull (value, &end, 10);
          if (end == value || *end != '\0' || seconds < 1 || seconds > 3600)
            return usage_error (error, "argument --timeout: expected a number of seconds "
                                "from 1 to 3600, not '%s'", value);
          invocation->timeout = (guint) seconds;
        }
    }
  else
    *handled = FALSE;

  return TRUE;
}

/* Global options that a command's usage also lists. */
static gboolean
option_given (KwCliInvocation *invocation,
              const char      *name)
{
  if (strcmp (name, "region") == 0)
    return invocation->region != NULL;
  if (strcmp (name, "endpoint-url") == 0)
    return invocation->endpoint_url != NULL;

  return kw_cli_get (invocation, name) != NULL;
}

/* Anything on a command line can be read by other users (ps, /proc) and
 * lands in shell history, so options that would carry a secret are refused
 * by name, before anything else happens, with where the secret goes instead. */
static gboolean
refuse_secret_option (const char  *name,
                      GError     **error)
{
  static const struct {
    const char *name;
    const char *instead;
  } refused[] = {
    { "password", "Give the password on standard input, or type it at the prompt." },
    { "secret-hash", "Keyway computes it from the client secret." },
    { "client-secret", "Store it in the keyring with 'keyway-cli secret set --connection NAME' "
                       "(or 'connection add --with-client-secret'), which reads it from "
                       "standard input, or set KEYWAY_CLIENT_SECRET in the environment." },
    { "secret-access-key", NULL },
    { "aws-secret-access-key", NULL },
    { "session-token", NULL },
    { "aws-session-token", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      if (strcmp (name, refused[i].name) != 0)
        continue;

      usage_error (error, "--%s is not accepted: anything on the command line can be read by "
                   "other users (ps, /proc) and lands in shell history. %s", name,
                   refused[i].instead != NULL
                     ? refused[i].instead
                     : "Store AWS keys in the keyring with 'keyway-cli secret set --connection "
                       "NAME --aws-keys', which reads them from standard input, or use a "
                       "profile or the environment.");
      return TRUE;
    }

  return FALSE;
}

/**
 * kw_cli_parse:
 *
 * Parses global options, the command, and its options. Global options may
 * come before or after the command, as with the AWS CLI.
 *
 * @command: (out): the command named so far, for a usage message on error
 *
 * Returns: (transfer full): the invocation, or %NULL with a usage error
 */
KwCliInvocation *
kw_cli_parse (int                  argc,
              char               **argv,
              const KwCliCommand **command,
              GError             **error)
{
  g_autoptr(KwCliInvocation) invocation = g_new0 (KwCliInvocation, 1);

  *command = NULL;
  invocation->output = KW_CLI_OUTPUT_JSON;
  invocation->timeout = KW_COGNITO_DEFAULT_TIMEOUT_SECONDS;
  invocation->values = g_hash_table_new (g_str_hash, g_str_equal);
  invocation->repeated = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      g_autofree char *name = NULL;
      const KwCliOption *option;
      const char *value = NULL;
      gboolean handled;

      if (!g_str_has_prefix (arg, "--"))
        {
          const KwCliCommand *group = invocation->command;
          g_autofree char *full_name = NULL;

          /* "keyway-cli help", "keyway-cli connection add help", as with aws. */
          if (strcmp (arg, "help") == 0)
            {
              invocation->help = TRUE;
              continue;
            }

          if (group != NULL && !group->is_group)
            {
              usage_error (error, "unexpected argument '%s'", arg);
              return NULL;
            }

          /* "connection list": a group, then one of its operations. */
          full_name = group != NULL ? g_strconcat (group->name, " ", arg, NULL) : g_strdup (arg);
          invocation->command = NULL;
          for (guint c = 0; c < G_N_ELEMENTS (commands) && invocation->command == NULL; c++)
            {
              if (strcmp (commands[c].name, full_name) == 0)
                invocation->command = &commands[c];
            }

          if (invocation->command == NULL)
            {
              invocation->command = group;
              usage_error (error, "argument %s: invalid choice: '%s'",
                           group != NULL ? "operation" : "command", arg);
              return NULL;
            }
          *command = invocation->command;
          continue;
        }

      name = strchr (arg, '=') != NULL
        ? g_strndup (arg + 2, strchr (arg, '=') - arg - 2)
        : g_strdup (arg + 2);

      if (refuse_secret_option (name, error))
        return NULL;

      if (!parse_global (invocation, name, argc, argv, &i, &handled, error))
        return NULL;
      if (handled)
        continue;

      option = invocation->command != NULL ? find_option (invocation->command, name) : NULL;
      if (option == NULL)
        {
          usage_error (error, "Unknown option: --%s", name);
          return NULL;
        }

      if (option->kind == KW_CLI_FLAG)
        {
          g_hash_table_replace (invocation->values, (gpointer) option->name, (gpointer) "");
          continue;
        }

      if (!take_value (argc, argv, &i, option->name, &value, error))
        return NULL;

      if (option->kind == KW_CLI_REPEATED)
        {
          GPtrArray *values = g_hash_table_lookup (invocation->repeated, option->name);

          if (values == NULL)
            {
              values = g_ptr_array_new ();
              g_hash_table_insert (invocation->repeated, (gpointer) option->name, values);
            }
          g_ptr_array_add (values, (gpointer) value);
        }
      else
        g_hash_table_replace (invocation->values, (gpointer) option->name, (gpointer) value);
    }

  if (invocation->help || invocation->version)
    return g_steal_pointer (&invocation);

  if (invocation->command == NULL)
    {
      usage_error (error, "the following arguments are required: command");
      return NULL;
    }

  if (invocation->command->is_group)
    {
      usage_error (error, "the following arguments are required: operation");
      return NULL;
    }

  if (invocation->command->needs_connection && invocation->connection == NULL)
    {
      usage_error (error, "the following arguments are required: --connection");
      return NULL;
    }

  for (const KwCliOption *option = invocation->command->options; option->name != NULL; option++)
    {
      /* The connection's own value is checked once the connection is read. */
      if (option->from_connection && invocation->connection != NULL)
        continue;

      if (option->required && !option_given (invocation, option->name))
        {
          usage_error (error, "the following arguments are required: --%s", option->name);
          return NULL;
        }
    }

  return g_steal_pointer (&invocation);
}
