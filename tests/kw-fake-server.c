/* kw-fake-server.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-fake-cognito.h"

#include <errno.h>
#include <glib-unix.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* keyway-fake-cognito: the fake Cognito peer of the core library as a
 * stand-alone process, so that scripts (benchmarks, interop checks, manual
 * tries with keyway-cli or the AWS CLI) can talk to it over loopback. It
 * never contacts AWS. */

#define POOL_ID "us-east-1_KEYWAY"
#define CLIENT_ID "keywaydemo"
#define ACCESS_KEY_ID "AKIDEXAMPLE"
#define SECRET_ACCESS_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

/* Users need a password to exist in a pool; nobody signs in to the fake, so
 * one well-known value for all of them is enough. */
#define INITIAL_PASSWORD "Keyway-Demo-Passw0rd"

static double rate_limit = 0;
static int attempt_limit = -1;
static int n_bulk_users = 0;
static gboolean until_stdin_closes = FALSE;

static const GOptionEntry entries[] = {
  { "rate-limit", 0, 0, G_OPTION_ARG_DOUBLE, &rate_limit,
    "Answer TooManyRequestsException beyond N requests per second (0: no limit)", "N" },
  { "attempt-limit", 0, 0, G_OPTION_ARG_INT, &attempt_limit,
    "Recovery attempts per user and hour before LimitExceededException (default 10)", "N" },
  { "users", 0, 0, G_OPTION_ARG_INT, &n_bulk_users,
    "Also add user0 to userN-1, each with a verified email", "N" },
  { "until-stdin-closes", 0, 0, G_OPTION_ARG_NONE, &until_stdin_closes,
    "Exit when standard input reaches end of file", NULL },
  { NULL }
};

/* The fake's whole point is to let a person or a script finish a recovery
 * without a mailbox, so the code is printed on purpose; this program only
 * ever holds made-up codes for made-up users. */
static void
code_sent_cb (KwFakeCognito *fake,
              const char    *username,
              const char    *destination,
              const char    *medium,
              const char    *code,
              gpointer       user_data)
{
  g_printerr ("KEYWAY_FAKE_CODE username=%s destination=%s medium=%s code=%s\n",
              username, destination, medium, code);
}

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);

  /* main() removes every source once the loop has stopped. */
  return G_SOURCE_CONTINUE;
}

/* A parent that starts the fake with a pipe on its stdin only has to close
 * the pipe (or die) for the fake to go away, so no stray server outlives a
 * crashed test script. */
static gboolean
stdin_ready_cb (int          fd,
                GIOCondition condition,
                gpointer     user_data)
{
  GMainLoop *loop = user_data;
  char buffer[4096];
  gssize n_read;

  /* Whatever the parent writes is ignored; only end of file matters. */
  n_read = read (fd, buffer, sizeof buffer);
  if (n_read == 0 || (n_read < 0 && errno != EINTR && errno != EAGAIN))
    g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static void
add_user (KwFakeDirectory *directory,
          const char      *username,
          const char      *attribute,
          const char      *value,
          gboolean         verified)
{
  g_autofree char *verified_name = g_strconcat (attribute, "_verified", NULL);

  kw_fake_directory_add_user (directory, POOL_ID, username, INITIAL_PASSWORD);
  kw_fake_directory_set_attribute (directory, POOL_ID, username, attribute, value);
  kw_fake_directory_set_attribute (directory, POOL_ID, username, verified_name,
                                   verified ? "true" : "false");
}

static void
populate (KwFakeCognito *fake)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fake);

  kw_fake_directory_add_pool (directory, POOL_ID);
  kw_fake_directory_add_client (directory, POOL_ID, CLIENT_ID, NULL, FALSE);

  add_user (directory, "jane", "email", "jane@example.com", TRUE);
  add_user (directory, "sam", "phone_number", "+15555550123", TRUE);
  /* Recovery must fail for this one: Cognito has nowhere to send a code. */
  add_user (directory, "casey", "email", "casey@example.com", FALSE);

  for (int i = 0; i < n_bulk_users; i++)
    {
      g_autofree char *username = g_strdup_printf ("user%d", i);
      g_autofree char *email = g_strdup_printf ("user%d@example.com", i);

      add_user (directory, username, "email", email, TRUE);
    }

  if (attempt_limit >= 0)
    kw_fake_directory_set_attempt_limit (directory, (guint) attempt_limit);

  if (rate_limit > 0)
    kw_fake_cognito_set_rate_limit (fake, rate_limit);

  kw_fake_cognito_add_credentials (fake, ACCESS_KEY_ID, SECRET_ACCESS_KEY, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(KwFakeCognito) fake = NULL;
  g_autoptr(GError) error = NULL;
  guint sources[3] = { 0, };

  context = g_option_context_new ("- a fake Amazon Cognito user pool on loopback");
  g_option_context_set_summary (context,
                                "Serves pool " POOL_ID " with app client " CLIENT_ID
                                " (no secret) and the users jane (verified email),\n"
                                "sam (verified phone) and casey (no verified contact).\n"
                                "Signed calls accept the access key " ACCESS_KEY_ID ".\n"
                                "Prints KEYWAY_FAKE_URL=URL on stdout and every code sent"
                                " on stderr.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }

  if (argc > 1)
    {
      g_printerr ("%s: unexpected argument '%s'\n", g_get_prgname (), argv[1]);
      return EXIT_FAILURE;
    }

  if (rate_limit < 0 || n_bulk_users < 0 || attempt_limit < -1)
    {
      g_printerr ("%s: --rate-limit, --attempt-limit and --users take numbers of 0 or more\n",
                  g_get_prgname ());
      return EXIT_FAILURE;
    }

  loop = g_main_loop_new (NULL, FALSE);
  fake = kw_fake_cognito_new ();
  populate (fake);
  g_signal_connect (fake, "code-sent", G_CALLBACK (code_sent_cb), NULL);

  if (!kw_fake_cognito_start (fake, &error))
    {
      g_printerr ("%s: cannot listen on 127.0.0.1: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }

  sources[0] = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sources[1] = g_unix_signal_add (SIGINT, quit_cb, loop);
  if (until_stdin_closes)
    sources[2] = g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_ready_cb, loop);

  /* Scripts wait for this line, so it must leave the buffer now. */
  printf ("KEYWAY_FAKE_URL=%s\n", kw_fake_cognito_get_url (fake));
  fflush (stdout);

  g_main_loop_run (loop);

  /* The sources point at the loop, which goes away now. */
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_clear_handle_id (&sources[i], g_source_remove);

  return EXIT_SUCCESS;
}
