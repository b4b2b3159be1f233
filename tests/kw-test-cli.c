/* kw-test-cli.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-cli.h"

#include "kw-test-fake.h"
#include "kw-test-utils.h"

void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->fake = kw_test_fake_new ();
  fixture->url = g_strdup (kw_fake_cognito_get_url (fixture->fake));
}

void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_finalize_object (fixture->fake);
  g_free (fixture->url);
}

/* Runs keyway-cli with @argv (NULL-terminated), @input on standard input and
 * extra environment variables in @env ("NAME=value", NULL-terminated). */
CliResult *
run_cli (const char * const *env,
         const char         *input,
         const char         *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *cli = g_new0 (CliResult, 1);
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("KEYWAY_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);

  /* The test's isolated folders are GLib's own in this process (its
   * environment says /dev/null); the CLI finds them in its environment. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_DIRS", g_get_system_config_dirs ()[0],
                                TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", g_get_user_runtime_dir (), TRUE);

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, input != NULL ? input : "", NULL,
                                       kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_subprocess_communicate_utf8_finish (process, result, &cli->out, &cli->err, &error);
  g_assert_no_error (error);
  /* A crash reads as the shell shows it, and fails the status check. */
  if (g_subprocess_get_if_exited (process))
    cli->status = g_subprocess_get_exit_status (process);
  else
    cli->status = 128 + g_subprocess_get_term_sig (process);

  /* What a crash (or a sanitizer) said is the only clue to a rare one. */
  if (cli->status >= 128)
    g_test_message ("keyway-cli %s ended with status %d; its standard error:\n%s",
                    first_arg, cli->status, cli->err);

  return cli;
}

const char * const admin_env[] = {
  "AWS_ACCESS_KEY_ID=" TEST_ACCESS_KEY,
  "AWS_SECRET_ACCESS_KEY=" TEST_SECRET_KEY,
  NULL
};
