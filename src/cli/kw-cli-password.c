/* kw-cli-password.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-password-policy.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

/* Reads one line from @stream into memory that is wiped afterwards. */
static char *
read_line (FILE *stream)
{
  char *line = NULL;
  size_t capacity = 0;
  ssize_t length;
  char *copy;

  length = getline (&line, &capacity, stream);
  if (length < 0)
    {
      free (line);
      return NULL;
    }

  while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
    line[--length] = '\0';

  copy = g_strndup (line, length);
  explicit_bzero (line, capacity);
  free (line);

  return copy;
}

static char *
prompt_without_echo (const char  *prompt,
                     GError     **error)
{
  struct termios saved, quiet;
  char *password;

  fprintf (stderr, "%s", prompt);
  fflush (stderr);

  if (tcgetattr (STDIN_FILENO, &saved) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot turn off echo on the terminal: %s", g_strerror (saved_errno));
      return NULL;
    }

  quiet = saved;
  quiet.c_lflag &= ~(tcflag_t) ECHO;
  quiet.c_lflag |= ECHONL;
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet);
  password = read_line (stdin);
  tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);

  return password;
}

/**
 * kw_cli_read_password:
 * @prompt: what to ask on a terminal
 *
 * Reads a password: on a terminal, asked twice without echo; otherwise the
 * first line of standard input, so scripts can pipe it in. Never from argv.
 *
 * Returns: (transfer full): the password; wipe it when done
 */
char *
kw_cli_read_password (const char  *prompt,
                      GError     **error)
{
  g_autofree char *password = NULL;

  if (isatty (STDIN_FILENO))
    {
      g_autofree char *again = NULL;

      password = prompt_without_echo (prompt, error);
      if (password == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "No password was entered");
          return NULL;
        }

      again = prompt_without_echo ("Repeat the password: ", error);
      if (again == NULL || strcmp (password, again) != 0)
        {
          if (again != NULL)
            explicit_bzero (again, strlen (again));
          explicit_bzero (password, strlen (password));
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                 "The two passwords do not match");
          return NULL;
        }
      explicit_bzero (again, strlen (again));
    }
  else
    {
      password = read_line (stdin);
      if (password == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "No password on standard input: pipe it in as the first line, "
                               "or run the command in a terminal to be asked for it");
          return NULL;
        }
    }

  if (*password == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "The password is empty");
      return NULL;
    }

  return g_steal_pointer (&password);
}

/**
 * kw_cli_read_secret:
 * @prompt: what to ask on a terminal
 * @what: what the secret is, for messages ("client secret")
 * @optional: whether nothing at all is a valid answer
 *
 * Reads one secret: on a terminal, asked once without echo (secrets are
 * pasted, not typed from memory); otherwise the next line of standard input.
 * Never from argv.
 *
 * Returns: (transfer full) (nullable): the secret, or %NULL with no error
 *   when @optional and nothing was given; wipe it when done
 */
char *
kw_cli_read_secret (const char  *prompt,
                    const char  *what,
                    gboolean     optional,
                    GError     **error)
{
  g_autofree char *secret = NULL;

  if (isatty (STDIN_FILENO))
    {
      g_autoptr(GError) local_error = NULL;

      secret = prompt_without_echo (prompt, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  else
    secret = read_line (stdin);

  if (secret == NULL || *secret == '\0')
    {
      if (!optional)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "No %s was given: pipe it in on standard input, or run the command in a "
                     "terminal to be asked for it", what);
      return NULL;
    }

  return g_steal_pointer (&secret);
}

/* check-password */

static const struct
{
  KwPasswordRules  rule;
  const char      *name;
} rule_names[] = {
  { KW_PASSWORD_RULE_LENGTH, "length" },
  { KW_PASSWORD_RULE_UPPERCASE, "uppercase" },
  { KW_PASSWORD_RULE_LOWERCASE, "lowercase" },
  { KW_PASSWORD_RULE_NUMBER, "number" },
  { KW_PASSWORD_RULE_SYMBOL, "symbol" },
  { KW_PASSWORD_RULE_NO_SPACE, "no-space" },
};

static JsonNode *
check_to_json (const KwPasswordPolicy *policy,
               const char             *password)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  KwPasswordRules rules = kw_password_policy_get_rules (policy);
  KwPasswordRules met = kw_password_policy_check (policy, password);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Acceptable");
  json_builder_add_boolean_value (builder, kw_password_policy_accepts (policy, password));
  json_builder_set_member_name (builder, "Rules");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (rule_names); i++)
    {
      g_autofree char *description = NULL;

      if ((rules & rule_names[i].rule) == 0)
        continue;

      description = kw_password_rule_describe (rule_names[i].rule, policy);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Rule");
      json_builder_add_string_value (builder, rule_names[i].name);
      json_builder_set_member_name (builder, "Description");
      json_builder_add_string_value (builder, description);
      json_builder_set_member_name (builder, "Met");
      json_builder_add_boolean_value (builder, (met & rule_names[i].rule) != 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * kw_cli_check_password:
 *
 * `check-password [--connection NAME]`, Keyway's own: checks a password
 * read from standard input (or asked for without echo) against the
 * connection's password policy, or Cognito's default. Nothing is sent
 * anywhere, and the password is never printed.
 *
 * Returns: 0 when acceptable, %KW_CLI_EXIT_NOT_ACCEPTABLE when not
 */
int
kw_cli_check_password (KwCliInvocation *invocation)
{
  g_autoptr(KwPasswordPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  char *password;
  gboolean acceptable;

  if (invocation->connection != NULL)
    {
      g_autoptr(KwConnectionStore) store = NULL;
      g_autoptr(KwConnection) connection = NULL;
      int status = KW_CLI_EXIT_OK;

      store = kw_cli_open_store (&status);
      if (store == NULL)
        return status;
      connection = kw_cli_find_connection (invocation, store, &status);
      if (connection == NULL)
        return status;
      policy = kw_password_policy_copy (kw_connection_get_password_policy (connection));
      g_debug ("Password policy of connection %s", kw_connection_get_id (connection));
    }
  else
    policy = kw_password_policy_new_default ();

  /* Asked once: a typo only means the wrong password was checked, and
   * nothing is changed. */
  password = kw_cli_read_secret ("Password to check: ", "password", FALSE, &error);
  if (password == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  node = check_to_json (policy, password);
  acceptable = kw_password_policy_accepts (policy, password);
  kw_secret_free (password);

  kw_cli_print (node, invocation->output);

  return acceptable ? KW_CLI_EXIT_OK : KW_CLI_EXIT_NOT_ACCEPTABLE;
}
