/* test-bulk-reset.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-reset.h"
#include "kw-test-bulk.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Enough for the pace to settle, few enough to keep the binary quick. */
#define N_USERS 300
/* Users in the fake for every test but the one with N_USERS. */
#define N_FEW_USERS 60

typedef KwTestBulk Fixture;

static KwBulkResetRow *
row_at (KwBulkReset *bulk,
        guint        position)
{
  return kw_test_bulk_row_at (bulk, position);
}

static guint
codes_sent (Fixture    *fixture,
            const char *username)
{
  return kw_test_bulk_codes_sent (fixture, username);
}

/* AdminResetUserPassword requests per username, from the @from'th request on. */
static GHashTable *
count_resets (KwFakeCognito *fake,
              guint          from)
{
  GPtrArray *requests = kw_fake_cognito_get_requests (fake);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = from; i < requests->len; i++)
    {
      KwFakeRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) body = NULL;
      const char *username;
      guint count;

      if (g_strcmp0 (request->operation, "AdminResetUserPassword") != 0)
        continue;

      text = g_strndup (g_bytes_get_data (request->body, NULL), g_bytes_get_size (request->body));
      body = json_from_string (text, NULL);
      g_assert_nonnull (body);
      username = json_object_get_string_member (json_node_get_object (body), "Username");
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, username));
      g_hash_table_replace (counts, g_strdup (username), GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

static guint
resets_sent (KwFakeCognito *fake,
             const char    *username,
             guint          from)
{
  g_autoptr(GHashTable) counts = count_resets (fake, from);

  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, username));
}

typedef struct
{
  KwCognitoClient *client;
  guint emissions;
  guint last_ended;
  guint total;
  guint max_attempts_seen;
} Progress;

/* Every emission: one more row ended, and the three counts add up. */
static void
progress_cb (KwBulkReset *bulk,
             guint        done,
             guint        failed,
             guint        remaining,
             gpointer     user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (done + failed + remaining, ==, progress->total);
  g_assert_cmpuint (done + failed, ==, progress->last_ended + 1);
  g_assert_cmpuint (done, ==, kw_bulk_reset_get_done (bulk));
  g_assert_cmpuint (failed, ==, kw_bulk_reset_get_failed (bulk));
  g_assert_cmpuint (remaining, ==, kw_bulk_reset_get_remaining (bulk));
  g_assert_true (kw_bulk_reset_get_running (bulk));
  g_object_get (progress->client, "max-attempts", &progress->max_attempts_seen, NULL);

  progress->last_ended = done + failed;
  progress->emissions++;
}

static void
watch_progress (KwBulkReset *bulk,
                KwHelpdesk  *helpdesk,
                Progress    *progress)
{
  progress->total = g_list_model_get_n_items (G_LIST_MODEL (bulk));
  progress->client = kw_helpdesk_get_client (helpdesk);
  g_signal_connect (bulk, "progress", G_CALLBACK (progress_cb), progress);
}

static void
test_parse_usernames (void)
{
  static const struct {
    const char         *text;
    const char * const  expected[6];
  } cases[] = {
    { "", { NULL } },
    { "\n\n  \r\n", { NULL } },
    { "jane", { "jane", NULL } },
    { "jane\nsam\n", { "jane", "sam", NULL } },
    { "jane\r\nsam\r\n", { "jane", "sam", NULL } },
    { "  jane \t\n\tsam\r\n", { "jane", "sam", NULL } },
    { "# helpdesk list\njane\n  # indented comment\nsam", { "jane", "sam", NULL } },
    { "with#hash\n#not\n", { "with#hash", NULL } },
    { "\xef\xbb\xbfjane\nzoë\n", { "jane", "zoë", NULL } },
    { "jane\njane\n", { "jane", "jane", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parsed = kw_bulk_reset_parse_usernames (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_true (g_strv_equal ((const char * const *) parsed, cases[i].expected));
    }
}

static void
test_new_drops_duplicates (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const list[] = { "jane", "", "  ", "sam", "jane", " sam ", "zoë", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  GListModel *model = G_LIST_MODEL (bulk);
  static const char * const expected[] = { "jane", "sam", "zoë" };
  g_autoptr(KwHelpdesk) helpdesk = NULL;
  guint concurrency = 0;

  g_assert_true (g_list_model_get_item_type (model) == KW_TYPE_BULK_RESET_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      KwBulkResetRow *row = row_at (bulk, i);

      g_assert_cmpstr (kw_bulk_reset_row_get_username (row), ==, expected[i]);
      g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_PENDING);
      g_assert_null (kw_bulk_reset_row_get_error (row));
      g_assert_null (kw_bulk_reset_row_get_request_id (row));
      g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row), ==, 0);
    }
  g_assert_null (g_list_model_get_item (model, G_N_ELEMENTS (expected)));

  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 3);
  g_assert_false (kw_bulk_reset_get_running (bulk));

  g_object_get (bulk, "helpdesk", &helpdesk, "concurrency", &concurrency, NULL);
  g_assert_true (helpdesk == fixture->helpdesk);
  g_assert_cmpuint (concurrency, ==, KW_BULK_RESET_DEFAULT_CONCURRENCY);
}

static void
test_run_all_done (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint n = 30;
  g_auto(GStrv) list = kw_test_bulk_usernames (n, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  g_autofree char *log_text = NULL;
  g_auto(GStrv) log_lines = NULL;
  Progress progress = { 0 };
  guint running_notifies = 0, done_notifies = 0;
  guint max_attempts = 0;

  watch_progress (bulk, fixture->helpdesk, &progress);
  g_signal_connect (bulk, "notify::running", G_CALLBACK (kw_test_count_notify_cb),
                    &running_notifies);
  g_signal_connect (bulk, "notify::done", G_CALLBACK (kw_test_count_notify_cb), &done_notifies);

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (progress.emissions, ==, n);
  g_assert_cmpuint (running_notifies, ==, 2);
  g_assert_cmpuint (done_notifies, ==, n);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, n);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 0);
  g_assert_false (kw_bulk_reset_get_running (bulk));

  for (guint i = 0; i < n; i++)
    {
      KwBulkResetRow *row = row_at (bulk, i);

      g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_DONE);
      g_assert_null (kw_bulk_reset_row_get_error (row));
      g_assert_nonnull (kw_bulk_reset_row_get_request_id (row));
      g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row), ==, 1);
      g_assert_cmpuint (codes_sent (fixture, list[i]), ==, 1);
      g_assert_cmpstr (kw_fake_directory_get_status (fixture->directory, TEST_POOL, list[i]), ==,
                       "RESET_REQUIRED");
    }

  /* Each row's reset is audited. */
  g_assert_true (g_file_load_contents (kw_audit_log_get_file (fixture->log), NULL, &log_text,
                                       NULL, NULL, NULL));
  log_lines = g_strsplit (log_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (log_lines), ==, n + 1);

  /* The client made one attempt per call during the run, and got its own
   * retries back afterwards. */
  g_assert_cmpuint (progress.max_attempts_seen, ==, 1);
  g_object_get (fixture->client, "max-attempts", &max_attempts, NULL);
  g_assert_cmpuint (max_attempts, ==, 3);
}

static void
test_run_empty (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const list[] = { "", " ", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bulk)), ==, 0);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
}

static void
test_error_fails_only_its_row (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const extra[] = { "ghost", "user001", "nocontact", "user002", NULL };
  g_auto(GStrv) list = kw_test_bulk_usernames (1, extra);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  Progress progress = { 0 };

  watch_progress (bulk, fixture->helpdesk, &progress);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (progress.emissions, ==, 5);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 3);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 0);

  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 0)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row_at (bulk, 1)),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
  g_assert_nonnull (kw_bulk_reset_row_get_request_id (row_at (bulk, 1)));
  name = kw_bulk_reset_row_dup_error_name (row_at (bulk, 1));
  g_assert_cmpstr (name, ==, "UserNotFoundException");
  g_clear_pointer (&name, g_free);
  /* Every row that ended says when; a done row has no error name. */
  g_assert_nonnull (kw_bulk_reset_row_get_time (row_at (bulk, 1)));
  g_assert_nonnull (kw_bulk_reset_row_get_time (row_at (bulk, 0)));
  g_assert_null (kw_bulk_reset_row_dup_error_name (row_at (bulk, 0)));
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 2)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 3)), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row_at (bulk, 3)),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 4)), ==, KW_BULK_ROW_DONE);

  /* An error is an answer: not sent again. */
  g_assert_cmpuint (resets_sent (fixture->fake, "ghost", 0), ==, 1);
  g_assert_cmpuint (resets_sent (fixture->fake, "nocontact", 0), ==, 1);
}

/* After a dropped connection the reset may have happened: the row fails and
 * is not sent again, although the client would retry it on its own. */
static void
test_dropped_connection_not_resent (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (3, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  kw_bulk_reset_set_concurrency (bulk, 1);
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DROP, NULL);

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 0)), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row_at (bulk, 0)),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_CONNECTION_RESET);
  name = kw_bulk_reset_row_dup_error_name (row_at (bulk, 0));
  g_assert_cmpstr (name, ==, "ConnectionReset");
  g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row_at (bulk, 0)), ==, 1);
  g_assert_cmpuint (resets_sent (fixture->fake, "user000", 0), ==, 1);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 2)), ==, KW_BULK_ROW_DONE);
}

static void
test_timeout_not_resent (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (3, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gint64 answer_at = g_get_monotonic_time () + 1700 * G_TIME_SPAN_MILLISECOND;

  kw_cognito_client_set_timeout (fixture->client, 1);
  kw_bulk_reset_set_concurrency (bulk, 1);
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                               "1500");

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 0)), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row_at (bulk, 0)),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_TIMEOUT);
  name = kw_bulk_reset_row_dup_error_name (row_at (bulk, 0));
  g_assert_cmpstr (name, ==, "Timeout");
  g_assert_cmpuint (resets_sent (fixture->fake, "user000", 0), ==, 1);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 2)), ==, KW_BULK_ROW_DONE);

  /* The fake holds the late answer on a timer that would outlive it. */
  while (g_get_monotonic_time () < answer_at)
    g_main_context_iteration (NULL, FALSE);
}

/* Beyond the quota, rows wait their turn again instead of failing, and no
 * user gets two codes. */
static void
test_throttled_rows_requeued (Fixture       *fixture,
                              gconstpointer  data)
{
  const guint n = 60;
  g_auto(GStrv) list = kw_test_bulk_usernames (n, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  g_autofree char *log_text = NULL;
  g_auto(GStrv) log_lines = NULL;
  guint sent, attempts = 0, requeued_rows = 0;

  /* Twenty at once, then twenty a second: the list outruns it even under
   * a sanitizer, and takes two seconds. */
  kw_fake_cognito_set_rate_limit (fixture->fake, 20);

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, n);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);

  sent = kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword");
  for (guint i = 0; i < n; i++)
    {
      KwBulkResetRow *row = row_at (bulk, i);

      g_assert_cmpuint (codes_sent (fixture, list[i]), ==, 1);
      attempts += kw_bulk_reset_row_get_attempts (row);
      if (kw_bulk_reset_row_get_attempts (row) > 1)
        requeued_rows++;
    }

  g_test_message ("%u requests for %u rows; %u rows throttled at least once",
                  sent, n, requeued_rows);
  g_assert_cmpuint (sent, >, n);
  g_assert_cmpuint (requeued_rows, >, 0);
  g_assert_cmpuint (attempts, ==, sent);

  /* The audit log has a line for each reset, none for a request the
   * service turned away without acting. */
  g_assert_true (g_file_load_contents (kw_audit_log_get_file (fixture->log), NULL, &log_text,
                                       NULL, NULL, NULL));
  log_lines = g_strsplit (log_text, "\n", -1);
  g_assert_cmpuint (g_strv_length (log_lines), ==, n + 1);
  g_assert_null (strstr (log_text, "TooManyRequests"));
}

static void
test_requeue_cap (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const list[] = { "user000", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(GError) error = NULL;
  KwBulkResetRow *row = row_at (bulk, 0);

  g_object_set (bulk, "max-requeues", 1, NULL);
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_ERROR,
                               "TooManyRequestsException");
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_ERROR,
                               "ThrottlingException");

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  /* Both throttling errors send the row back; the second time is one too many. */
  g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_FAILED);
  g_assert_error ((GError *) kw_bulk_reset_row_get_error (row),
                  KW_COGNITO_ERROR, KW_COGNITO_ERROR_THROTTLING);
  g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row), ==, 2);
  g_assert_cmpuint (codes_sent (fixture, "user000"), ==, 0);

  /* A rerun starts the count again, and the service now accepts. */
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_DONE);
  g_assert_null (kw_bulk_reset_row_get_error (row));
  g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row), ==, 3);
  g_assert_cmpuint (codes_sent (fixture, "user000"), ==, 1);
}

/* A cancel stops sending; the requests in flight finish and keep their
 * result, and the rows never sent stay pending for a rerun. */
static void
test_cancel_lets_in_flight_finish (Fixture       *fixture,
                                   gconstpointer  data)
{
  const guint n = 10;
  g_auto(GStrv) list = kw_test_bulk_usernames (n, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_bulk_reset_set_concurrency (bulk, 2);
  for (guint i = 0; i < 2; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                                 "300");

  kw_bulk_reset_run_async (bulk, cancellable, kw_test_store_result_cb, &result);
  while (kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword") < 2)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);

  g_assert_false (kw_bulk_reset_run_finish (bulk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (kw_bulk_reset_get_running (bulk));

  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 0)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_DONE);
  for (guint i = 2; i < n; i++)
    {
      g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, i)), ==, KW_BULK_ROW_PENDING);
      g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row_at (bulk, i)), ==, 0);
    }
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, n - 2);

  /* The rerun sends the rest, and only the rest. */
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, n);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (codes_sent (fixture, list[i]), ==, 1);
}

static void
test_cancelled_before_start (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (3, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 3);
  g_assert_false (kw_bulk_reset_get_running (bulk));
}

static void
test_already_running (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (3, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GError) error = NULL;

  kw_bulk_reset_run_async (bulk, NULL, kw_test_store_result_cb, &first);
  g_assert_true (kw_bulk_reset_get_running (bulk));

  g_assert_false (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_clear_error (&error);

  kw_test_wait_result (&first);
  g_assert_true (kw_bulk_reset_run_finish (bulk, first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 3);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 3);
}

/* A rerun retries failed rows and leaves done ones alone. */
static void
test_rerun_retries_failed (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const list[] = { "user000", "newcomer", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(GError) error = NULL;
  guint failed_notifies = 0;

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 1);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_FAILED);

  /* The account was created in the meantime. */
  kw_fake_directory_add_user (fixture->directory, TEST_POOL, "newcomer", "Old-Passw0rd!");
  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "newcomer", "email",
                                   "new@example.com");
  kw_fake_directory_set_attribute (fixture->directory, TEST_POOL, "newcomer", "email_verified",
                                   "true");

  g_signal_connect (bulk, "notify::failed", G_CALLBACK (kw_test_count_notify_cb), &failed_notifies);
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (failed_notifies, ==, 1);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 2);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_DONE);
  g_assert_null (kw_bulk_reset_row_get_error (row_at (bulk, 1)));
  g_assert_cmpuint (resets_sent (fixture->fake, "user000", 0), ==, 1);
  g_assert_cmpuint (resets_sent (fixture->fake, "newcomer", 0), ==, 2);
}

/* 300 users against a pool that allows 25 requests a second and answers
 * TooManyRequestsException beyond that. Cancelled after about 150 rows,
 * then run again to the end. Every row ends done, nobody
 * gets two codes, and the rerun sends nothing for the rows done before. */
static void
test_quota (Fixture       *fixture,
            gconstpointer  data)
{
  const double rate = 25;
  g_auto(GStrv) list = kw_test_bulk_usernames (N_USERS, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) done_first = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) resent = NULL;
  KwTestCancelAt cancel = { cancellable, 150 };
  Progress progress = { 0 };
  gint64 start, first_us, second_us;
  guint requests_first, requests, throttled, done_before;
  double elapsed, ideal = N_USERS / rate;

  kw_fake_cognito_set_rate_limit (fixture->fake, rate);
  watch_progress (bulk, fixture->helpdesk, &progress);
  g_signal_connect (bulk, "progress", G_CALLBACK (kw_test_bulk_cancel_at_cb), &cancel);

  start = g_get_monotonic_time ();
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  first_us = g_get_monotonic_time () - start;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  done_before = kw_bulk_reset_get_done (bulk);
  requests_first = kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword");
  g_assert_cmpuint (done_before, >=, 150);
  g_assert_cmpuint (done_before, <, 150 + KW_BULK_RESET_DEFAULT_CONCURRENCY);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, N_USERS - done_before);
  for (guint i = 0; i < N_USERS; i++)
    {
      KwBulkResetRow *row = row_at (bulk, i);

      g_assert_cmpint (kw_bulk_reset_row_get_state (row), !=, KW_BULK_ROW_RUNNING);
      if (kw_bulk_reset_row_get_state (row) == KW_BULK_ROW_DONE)
        g_hash_table_add (done_first, list[i]);
    }

  g_signal_handlers_disconnect_by_func (bulk, kw_test_bulk_cancel_at_cb, &cancel);
  progress.last_ended = done_before;
  start = g_get_monotonic_time ();
  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  second_us = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, N_USERS);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 0);
  g_assert_cmpuint (progress.emissions, ==, N_USERS);

  resent = count_resets (fixture->fake, requests_first);
  for (guint i = 0; i < N_USERS; i++)
    {
      KwBulkResetRow *row = row_at (bulk, i);

      g_assert_cmpint (kw_bulk_reset_row_get_state (row), ==, KW_BULK_ROW_DONE);
      g_assert_cmpuint (codes_sent (fixture, list[i]), ==, 1);
      if (g_hash_table_contains (done_first, list[i]))
        g_assert_false (g_hash_table_contains (resent, list[i]));
    }

  requests = kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword");
  throttled = requests - N_USERS;
  elapsed = (first_us + second_us) / (double) G_USEC_PER_SEC;
  g_test_message ("%u users at %.0f requests/s: %.2f s (%.2f s + %.2f s), ideal %.2f s, "
                  "ratio %.3f; %u requests, %u throttled (%.1f %%)",
                  N_USERS, rate, elapsed, first_us / (double) G_USEC_PER_SEC,
                  second_us / (double) G_USEC_PER_SEC, ideal, elapsed / ideal,
                  requests, throttled, 100.0 * throttled / requests);

  /* The bucket starts full, so the ideal is a second short of 300 / 25. A
   * run that got nowhere near the quota, or kept hammering past it, fails. */
  g_assert_cmpfloat (elapsed, <, ideal * 1.5);
  g_assert_cmpuint (throttled, <, N_USERS / 5);
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/bulk-reset/parse-usernames", test_parse_usernames);

#define ADD(path, func) \
  g_test_add ("/keyway/bulk-reset/" path, Fixture, GUINT_TO_POINTER (N_FEW_USERS), \
              kw_test_bulk_setup, func, kw_test_bulk_teardown)

  ADD ("new-drops-duplicates", test_new_drops_duplicates);
  ADD ("run-all-done", test_run_all_done);
  ADD ("run-empty", test_run_empty);
  ADD ("error-fails-only-its-row", test_error_fails_only_its_row);
  ADD ("dropped-connection-not-resent", test_dropped_connection_not_resent);
  ADD ("timeout-not-resent", test_timeout_not_resent);
  ADD ("throttled-rows-requeued", test_throttled_rows_requeued);
  ADD ("requeue-cap", test_requeue_cap);
  ADD ("cancel-lets-in-flight-finish", test_cancel_lets_in_flight_finish);
  ADD ("cancelled-before-start", test_cancelled_before_start);
  ADD ("already-running", test_already_running);
  ADD ("rerun-retries-failed", test_rerun_retries_failed);
  g_test_add ("/keyway/bulk-reset/quota", Fixture, GUINT_TO_POINTER (N_USERS),
              kw_test_bulk_setup, test_quota, kw_test_bulk_teardown);

#undef ADD

  return g_test_run ();
}
