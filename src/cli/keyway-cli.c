/* keyway-cli.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

static gboolean debug_enabled;

/* Everything the CLI logs goes to standard error, so standard output stays
 * machine-readable. The core never logs a secret; this writer is the only
 * place logs leave the process. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  const char *message = NULL;
  const char *label;

  if ((level & G_LOG_LEVEL_DEBUG) && !debug_enabled)
    return G_LOG_WRITER_HANDLED;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL))
    label = "critical";
  else if (level & G_LOG_LEVEL_WARNING)
    label = "warning";
  else
    label = "debug";

  fprintf (stderr, "keyway-cli: %s: %s\n", label, message != NULL ? message : "");

  return G_LOG_WRITER_HANDLED;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(KwCliInvocation) invocation = NULL;
  g_autoptr(GError) error = NULL;
  const KwCliCommand *command = NULL;

  setlocale (LC_ALL, "");
  /* The core's texts (hints, password rules) are translated. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_log_set_writer_func (log_writer, NULL, NULL);

  invocation = kw_cli_parse (argc, argv, &command, &error);
  if (invocation == NULL)
    {
      kw_cli_print_usage (stderr, command);
      fprintf (stderr, "\nkeyway-cli: error: %s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  if (invocation->version)
    {
      printf ("keyway-cli %s\n", PACKAGE_VERSION);
      return KW_CLI_EXIT_OK;
    }

  if (invocation->help)
    {
      kw_cli_print_usage (stdout, invocation->command);
      return KW_CLI_EXIT_OK;
    }

  debug_enabled = invocation->debug;
  if (debug_enabled)
    g_log_set_debug_enabled (TRUE);

  /* A person reading a terminal gets the explanation of a service error;
   * a script reading AWS CLI commands gets the AWS CLI's one line. */
  kw_cli_set_hints (invocation->command->keyway_own || isatty (STDERR_FILENO));

  if (invocation->command->run != NULL)
    return invocation->command->run (invocation);

  return kw_cli_run (invocation);
}
