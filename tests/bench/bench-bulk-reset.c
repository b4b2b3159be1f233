/* bench-bulk-reset.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Runs a bulk reset against the fake Cognito in this process, with a
 * request-rate quota, and prints how close it came to the quota's ideal
 * time, and the peak memory. A figure, not a pass/fail test: it exits 0
 * when every row is accounted for (each user got exactly one code, every
 * row ended done), 1 otherwise.
 *
 *   bench-bulk-reset [--users 500] [--rate 25] [--concurrency 4] [--no-audit]
 *                    [--no-journal] [--cancel-at N]
 *
 * The run records its rows in a resume journal, as the app does. With
 * --cancel-at, it is cancelled once N rows are done and resumed from the
 * journal by a new bulk reset, as after closing the app.
 *
 * Nothing here talks to AWS: the fake listens on 127.0.0.1. */

#include "config.h"

#include "kw-bulk-journal.h"
#include "kw-bulk-reset.h"
#include "kw-fake-cognito.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#define POOL "us-east-1_BenchPool1"
#define ACCESS_KEY "AKIDBENCHMARK"
#define SECRET_KEY "benchmarkSecretKeyThatIsNotARealOne000000"

typedef struct
{
  gboolean      finished;
  gboolean      ok;
  GError       *error;
} Outcome;

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = kw_bulk_reset_run_finish (KW_BULK_RESET (object), result, &outcome->error);
  outcome->finished = TRUE;
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
} CancelAt;

static void
cancel_at_cb (KwBulkReset *bulk,
              guint        done,
              guint        failed,
              guint        remaining,
              gpointer     user_data)
{
  CancelAt *cancel = user_data;

  if (done >= cancel->cancel_at)
    g_cancellable_cancel (cancel->cancellable);
}

static void
code_sent_cb (KwFakeCognito *fake,
              const char    *username,
              const char    *destination,
              const char    *medium,
              const char    *code,
              gpointer       user_data)
{
  GHashTable *codes = user_data;
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (codes, username));

  g_hash_table_replace (codes, g_strdup (username), GUINT_TO_POINTER (count + 1));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Opens the journal of @list's file in @folder, as the app opens the one of
 * the CSV file it read. */
static KwBulkJournal *
open_journal (const char * const  *list,
              GFile               *folder,
              GError             **error)
{
  g_autoptr(GString) text = g_string_new ("username\n");
  g_autofree char *checksum = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  for (guint i = 0; list[i] != NULL; i++)
    g_string_append_printf (text, "%s\n", list[i]);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);

  kw_bulk_journal_open_async (checksum, POOL, folder, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return kw_bulk_journal_open_finish (result, error);
}

/* One run of @bulk, cancelled once @cancel_at rows are done (0: never). */
static void
run_bulk (KwBulkReset *bulk,
          guint        cancel_at,
          Outcome     *outcome)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelAt cancel = { cancellable, cancel_at };
  gulong handler = 0;

  if (cancel_at > 0)
    handler = g_signal_connect (bulk, "progress", G_CALLBACK (cancel_at_cb), &cancel);

  kw_bulk_reset_run_async (bulk, cancellable, run_cb, outcome);
  while (!outcome->finished)
    g_main_context_iteration (NULL, TRUE);

  if (handler != 0)
    g_signal_handler_disconnect (bulk, handler);
}

static gboolean
is_throttling (const GError *error)
{
  return g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_TOO_MANY_REQUESTS) ||
         g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_THROTTLING);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  int users = 500;
  double rate = 25;
  int concurrency = KW_BULK_RESET_DEFAULT_CONCURRENCY;
  gboolean no_audit = FALSE;
  gboolean no_journal = FALSE;
  int cancel_at = 0;
  const GOptionEntry entries[] = {
    { "users", 'u', 0, G_OPTION_ARG_INT, &users, "Users to reset (default 500)", "N" },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate,
      "The fake's quota in requests per second, 0 for none (default 25)", "R" },
    { "concurrency", 'c', 0, G_OPTION_ARG_INT, &concurrency,
      "Requests in flight at most (default 4)", "C" },
    { "no-audit", 0, 0, G_OPTION_ARG_NONE, &no_audit, "Write no audit log", NULL },
    { "no-journal", 0, 0, G_OPTION_ARG_NONE, &no_journal, "Keep no resume journal", NULL },
    { "cancel-at", 0, 0, G_OPTION_ARG_INT, &cancel_at,
      "Cancel once N rows are done, then resume from the journal in a new bulk reset", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time a bulk reset against the fake");
  g_autoptr(GError) error = NULL;
  g_autoptr(KwFakeCognito) fake = NULL;
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(KwAwsCredentials) credentials = NULL;
  g_autoptr(KwAuditLog) log = NULL;
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  g_autoptr(KwBulkReset) bulk = NULL;
  g_autoptr(KwBulkJournal) journal = NULL;
  g_autoptr(GFile) journal_folder = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *quota = NULL;
  KwFakeDirectory *directory;
  Outcome outcome = { 0 };
  struct rusage usage;
  guint requests, throttled = 0, done, failed, pending;
  guint once = 0, twice_or_more = 0, never = 0;
  guint done_before_cancel = 0;
  gint64 start, elapsed_us, first_us = 0;
  double elapsed, ideal = 0;
  gboolean accounted;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-bulk-reset: %s\n", error->message);
      return 2;
    }
  if (users < 1 || rate < 0 || concurrency < 1 || concurrency > 64 ||
      cancel_at < 0 || cancel_at >= users || (cancel_at > 0 && no_journal))
    {
      g_printerr ("bench-bulk-reset: need --users ≥ 1, --rate ≥ 0, --concurrency 1 to 64, "
                  "and --cancel-at below --users, with the journal\n");
      return 2;
    }

  fake = kw_fake_cognito_new ();
  directory = kw_fake_cognito_get_directory (fake);
  kw_fake_directory_add_pool (directory, POOL);
  for (int i = 0; i < users; i++)
    {
      g_autofree char *username = g_strdup_printf ("user%05d", i);
      g_autofree char *email = g_strdup_printf ("%s@example.com", username);

      kw_fake_directory_add_user (directory, POOL, username, "Old-Passw0rd!");
      kw_fake_directory_set_attribute (directory, POOL, username, "email", email);
      kw_fake_directory_set_attribute (directory, POOL, username, "email_verified", "true");
      g_strv_builder_add (builder, username);
    }
  list = g_strv_builder_end (builder);
  kw_fake_cognito_add_credentials (fake, ACCESS_KEY, SECRET_KEY, NULL);
  if (!kw_fake_cognito_start (fake, &error))
    {
      g_printerr ("bench-bulk-reset: cannot start the fake: %s\n", error->message);
      return 1;
    }
  kw_fake_cognito_set_rate_limit (fake, rate);
  g_signal_connect (fake, "code-sent", G_CALLBACK (code_sent_cb), codes);

  client = kw_cognito_client_new (kw_fake_cognito_get_url (fake), "us-east-1", NULL, NULL);
  credentials = kw_aws_credentials_new (ACCESS_KEY, SECRET_KEY, NULL, "bench");
  kw_cognito_client_set_credentials (client, credentials);

  state_dir = g_dir_make_tmp ("keyway-bench-XXXXXX", &error);
  if (state_dir == NULL)
    {
      g_printerr ("bench-bulk-reset: %s\n", error->message);
      return 1;
    }

  if (!no_audit)
    {
      g_autofree char *path = g_build_filename (state_dir, "keyway", "audit.log", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      log = kw_audit_log_new (file);
    }

  if (!no_journal)
    {
      journal_folder = g_file_new_build_filename (state_dir, "keyway", "bulk", NULL);
      journal = open_journal ((const char * const *) list, journal_folder, &error);
      if (journal == NULL)
        {
          g_printerr ("bench-bulk-reset: cannot open the journal: %s\n", error->message);
          return 1;
        }
    }

  helpdesk = kw_helpdesk_new (client, POOL, NULL, log, ACCESS_KEY);
  bulk = kw_bulk_reset_new (helpdesk, (const char * const *) list);
  kw_bulk_reset_set_concurrency (bulk, (guint) concurrency);
  kw_bulk_reset_set_journal (bulk, journal);

  start = g_get_monotonic_time ();
  run_bulk (bulk, (guint) cancel_at, &outcome);

  if (cancel_at > 0)
    {
      /* As after closing the app: a new bulk reset, resumed from what the
       * journal on disk says. */
      first_us = g_get_monotonic_time () - start;
      done_before_cancel = kw_bulk_reset_get_done (bulk);
      g_clear_error (&outcome.error);
      outcome = (Outcome) { 0 };
      g_clear_object (&bulk);
      g_clear_object (&journal);

      journal = open_journal ((const char * const *) list, journal_folder, &error);
      if (journal == NULL)
        {
          g_printerr ("bench-bulk-reset: cannot reopen the journal: %s\n", error->message);
          return 1;
        }
      bulk = kw_bulk_reset_new (helpdesk, (const char * const *) list);
      kw_bulk_reset_set_concurrency (bulk, (guint) concurrency);
      kw_bulk_reset_set_journal (bulk, journal);
      run_bulk (bulk, 0, &outcome);
    }
  elapsed_us = g_get_monotonic_time () - start;

  requests = kw_fake_cognito_count_requests (fake, "AdminResetUserPassword");
  done = kw_bulk_reset_get_done (bulk);
  failed = kw_bulk_reset_get_failed (bulk);
  pending = kw_bulk_reset_get_remaining (bulk);
  /* Each row ends on one answer that was not throttled, except rows that
   * failed on the throttling cap, whose last answer was. */
  throttled = requests - done - failed;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bulk)); i++)
    {
      g_autoptr(KwBulkResetRow) row = g_list_model_get_item (G_LIST_MODEL (bulk), i);

      if (is_throttling (kw_bulk_reset_row_get_error (row)))
        throttled++;
    }

  /* Every user exactly one code: none missed, none sent twice. */
  for (int i = 0; list[i] != NULL; i++)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (codes, list[i]));

      if (count == 0)
        never++;
      else if (count == 1)
        once++;
      else
        twice_or_more++;
    }
  accounted = done + failed + pending == (guint) users && done == (guint) users &&
              once == (guint) users;

  getrusage (RUSAGE_SELF, &usage);
  elapsed = elapsed_us / (double) G_USEC_PER_SEC;

  quota = rate > 0 ? g_strdup_printf ("%g requests/s", rate) : g_strdup ("none");
  g_print ("bulk reset: %d users, quota %s, concurrency %d, audit log %s, journal %s\n",
           users, quota, concurrency, no_audit ? "off" : "on", no_journal ? "off" : "on");
  if (cancel_at > 0)
    g_print ("cancelled    after %u rows done (%.2f s), resumed from the journal\n",
             done_before_cancel, first_us / (double) G_USEC_PER_SEC);
  g_print ("elapsed      %8.2f s\n", elapsed);
  if (rate > 0)
    {
      /* The quota is a token bucket that starts full: the first `rate`
       * requests go at once. */
      double burst_ideal = MAX (0, users - rate) / rate;

      ideal = users / rate;
      g_print ("ideal        %8.2f s (users / quota); %.2f s counting the initial burst\n",
               ideal, burst_ideal);
      g_print ("ratio        %8.3f (elapsed / ideal); %.3f against the burst ideal\n",
               elapsed / ideal, burst_ideal > 0 ? elapsed / burst_ideal : 0.0);
    }
  g_print ("throughput   %8.1f resets/s\n", done / elapsed);
  g_print ("requests     %8u\n", requests);
  g_print ("throttled    %8u (%.1f %%)\n", throttled,
           requests > 0 ? 100.0 * throttled / requests : 0.0);
  g_print ("rows done    %8u\n", done);
  g_print ("rows failed  %8u\n", failed);
  g_print ("rows pending %8u\n", pending);
  g_print ("codes sent   %8u users once, %u twice or more, %u never\n",
           once, twice_or_more, never);
  g_print ("accounted    %8s (every row done, every user exactly one code)\n",
           accounted ? "yes" : "NO");
  if (rate > 0)
    g_print ("target       %8s (within 10 %% of the ideal)\n",
             elapsed <= ideal * 1.1 ? "met" : "missed");
  g_print ("peak RSS     %8ld KiB\n", usage.ru_maxrss);

  if (outcome.error != NULL)
    g_printerr ("bench-bulk-reset: the run failed: %s\n", outcome.error->message);
  g_clear_error (&outcome.error);

  g_clear_object (&bulk);
  g_clear_object (&journal);
  g_clear_object (&helpdesk);
  g_clear_object (&log);
  /* The journal's last write, and the audit log's, land on the main loop. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_tree (state_dir);

  return outcome.ok && failed == 0 && accounted ? 0 : 1;
}
