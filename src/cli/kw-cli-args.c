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
  { "client-id", KW_CLI_VALUE, TRUE, "ID" },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { "analytics-metadata", KW_CLI_VALUE, FALSE, "AnalyticsEndpointId=ID" },
  { "user-context-data", KW_CLI_VALUE, FALSE, "IpAddress=IP,EncodedData=DATA" },
  { NULL }
};

static const KwCliOption confirm_forgot_password_options[] = {
  { "client-id", KW_CLI_VALUE, TRUE, "ID" },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "confirmation-code", KW_CLI_VALUE, TRUE, "CODE" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { "analytics-metadata", KW_CLI_VALUE, FALSE, "AnalyticsEndpointId=ID" },
  { "user-context-data", KW_CLI_VALUE, FALSE, "IpAddress=IP,EncodedData=DATA" },
  { NULL }
};

static const KwCliOption admin_reset_user_password_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID" },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "client-metadata", KW_CLI_REPEATED, FALSE, "KEY=VALUE" },
  { NULL }
};

static const KwCliOption admin_get_user_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID" },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { NULL }
};

static const KwCliOption admin_set_user_password_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID" },
  { "username", KW_CLI_VALUE, TRUE, "NAME" },
  { "permanent", KW_CLI_FLAG, FALSE, NULL },
  { "no-permanent", KW_CLI_FLAG, FALSE, NULL },
  { NULL }
};

static const KwCliOption list_users_options[] = {
  { "user-pool-id", KW_CLI_VALUE, TRUE, "ID" },
  { "filter", KW_CLI_VALUE, FALSE, "EXPR" },
  { "limit", KW_CLI_VALUE, FALSE, "N" },
  { "pagination-token", KW_CLI_VALUE, FALSE, "TOKEN" },
  { "attributes-to-get", KW_CLI_REPEATED, FALSE, "NAME" },
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

void
kw_cli_print_usage (FILE               *stream,
                    const KwCliCommand *command)
{
  if (command == NULL)
    {
      fprintf (stream,
               "usage: keyway-cli [--region R] [--endpoint-url URL] [--profile P] "
               "[--output json|text]\n"
               "                  [--timeout SECONDS] [--debug] [--version] [--help] "
               "COMMAND [OPTIONS]\n"
               "\nCommands:\n");
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        fprintf (stream, "  %-27s %s\n", commands[i].name, commands[i].summary);
      fprintf (stream, "\nRun 'keyway-cli COMMAND --help' for a command's options.\n");
      return;
    }

  fprintf (stream, "usage: keyway-cli [global options] %s", command->name);
  for (const KwCliOption *option = command->options; option->name != NULL; option++)
    {
      const char *open = option->required ? "" : "[";
      const char *close = option->required ? "" : "]";
      const char *more = option->kind == KW_CLI_REPEATED ? "..." : "";

      if (option->kind == KW_CLI_FLAG)
        fprintf (stream, " [--%s]", option->name);
      else
        fprintf (stream, " %s--%s %s%s%s", open, option->name, option->placeholder, close, more);
    }
  fprintf (stream, "\n\n%s.\n", command->summary);
  if (command->reads_password)
    fprintf (stream, "The password is read from the first line of standard input, or asked for\n"
                     "without echo on a terminal. It is never accepted on the command line.\n");
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
           strcmp (name, "timeout") == 0)
    {
      if (!take_value (argc, argv, i, name, &value, error))
        return FALSE;

      if (strcmp (name, "region") == 0)
        replace_string (&invocation->region, value);
      else if (strcmp (name, "endpoint-url") == 0)
        replace_string (&invocation->endpoint_url, value);
      else if (strcmp (name, "profile") == 0)
        replace_string (&invocation->profile, value);
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
          if (invocation->command != NULL)
            {
              usage_error (error, "unexpected argument '%s'", arg);
              return NULL;
            }

          for (guint c = 0; c < G_N_ELEMENTS (commands) && invocation->command == NULL; c++)
            {
              if (strcmp (commands[c].name, arg) == 0)
                invocation->command = &commands[c];
            }

          if (invocation->command == NULL)
            {
              usage_error (error, "argument command: invalid choice: '%s'", arg);
              return NULL;
            }
          *command = invocation->command;
          continue;
        }

      name = strchr (arg, '=') != NULL
        ? g_strndup (arg + 2, strchr (arg, '=') - arg - 2)
        : g_strdup (arg + 2);

      if (strcmp (name, "password") == 0 || strcmp (name, "secret-hash") == 0 ||
          strcmp (name, "client-secret") == 0)
        {
          usage_error (error, "--%s is not accepted: anything on the command line can be read by "
                       "other users (ps, /proc) and lands in shell history. %s", name,
                       strcmp (name, "password") == 0
                         ? "Give the password on standard input, or type it at the prompt."
                         : "Set KEYWAY_CLIENT_SECRET in the environment instead.");
          return NULL;
        }

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

  for (const KwCliOption *option = invocation->command->options; option->name != NULL; option++)
    {
      if (option->required && kw_cli_get (invocation, option->name) == NULL)
        {
          usage_error (error, "the following arguments are required: --%s", option->name);
          return NULL;
        }
    }

  return g_steal_pointer (&invocation);
}
