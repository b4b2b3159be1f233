/* test-bulk-reset-control.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-csv.h"
#include "kw-bulk-pace-private.h"
#include "kw-bulk-reset.h"
#include "kw-test-bulk.h"
#include "kw-test-utils.h"

#include <string.h>

/* What the helpdesk controls and sees of a bulk reset: pause and resume,
 * the time left, and the results file. */

typedef KwTestBulk Fixture;

static KwBulkResetRow *
row_at (KwBulkReset *bulk,
        guint        position)
{
  return kw_test_bulk_row_at (bulk, position);
}

static guint
requests (Fixture *fixture)
{
  return kw_fake_cognito_count_requests (fixture->fake, "AdminResetUserPassword");
}

/* A pause stops the sending: the requests in flight answer, nothing new
 * goes out however long it lasts, and a resume goes on where it was. */
static void
test_pause_resume (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint n = 20;
  g_auto(GStrv) list = kw_test_bulk_usernames (n, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint paused_notifies = 0;
  gboolean paused = FALSE;

  g_signal_connect (bulk, "notify::paused", G_CALLBACK (kw_test_count_notify_cb), &paused_notifies);
  kw_bulk_reset_set_concurrency (bulk, 2);
  for (guint i = 0; i < 2; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                                 "200");

  kw_bulk_reset_run_async (bulk, NULL, kw_test_store_result_cb, &result);
  while (requests (fixture) < 2)
    g_main_context_iteration (NULL, TRUE);

  kw_bulk_reset_set_paused (bulk, TRUE);
  kw_bulk_reset_set_paused (bulk, TRUE);
  g_assert_cmpuint (paused_notifies, ==, 1);
  g_object_get (bulk, "paused", &paused, NULL);
  g_assert_true (paused);

  /* The two in flight finish; then nothing, for as long as the pause. */
  while (kw_bulk_reset_get_done (bulk) < 2)
    g_main_context_iteration (NULL, TRUE);
  kw_test_bulk_wait_ms (300);
  g_assert_null (result);
  g_assert_true (kw_bulk_reset_get_running (bulk));
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, n - 2);
  g_assert_cmpuint (requests (fixture), ==, 2);

  g_object_set (bulk, "paused", FALSE, NULL);
  g_assert_cmpuint (paused_notifies, ==, 2);
  kw_test_wait_result (&result);
  g_assert_true (kw_bulk_reset_run_finish (bulk, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (kw_test_bulk_codes_sent (fixture, list[i]), ==, 1);
}

/* Paused before the run: it starts and sends nothing; a cancel then ends
 * it at once, every row still to do. */
static void
test_paused_before_run_then_cancel (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (5, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_bulk_reset_set_paused (bulk, TRUE);
  kw_bulk_reset_run_async (bulk, cancellable, kw_test_store_result_cb, &result);
  g_assert_true (kw_bulk_reset_get_running (bulk));
  kw_test_bulk_wait_ms (100);
  g_assert_null (result);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);

  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  g_assert_false (kw_bulk_reset_run_finish (bulk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), ==, 5);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, NULL), ==, 0);
  /* Still paused: the next run would start paused too. */
  g_assert_true (kw_bulk_reset_get_paused (bulk));
}

/* A throttled answer that comes during a pause goes back to the queue and
 * waits for the resume. */
static void
test_throttled_during_pause (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (3, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_bulk_reset_set_concurrency (bulk, 1);
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                               "100");
  kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_ERROR,
                               "TooManyRequestsException");

  kw_bulk_reset_run_async (bulk, NULL, kw_test_store_result_cb, &result);
  while (requests (fixture) < 1)
    g_main_context_iteration (NULL, TRUE);
  kw_bulk_reset_set_paused (bulk, TRUE);
  while (kw_bulk_reset_row_get_state (row_at (bulk, 0)) == KW_BULK_ROW_RUNNING)
    g_main_context_iteration (NULL, TRUE);

  /* The delay was the first fault, the throttle is for the next request:
   * the first row is done, nothing else was sent. */
  kw_test_bulk_wait_ms (100);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 0)), ==, KW_BULK_ROW_DONE);
  g_assert_cmpuint (requests (fixture), ==, 1);

  kw_bulk_reset_set_paused (bulk, FALSE);
  while (kw_bulk_reset_row_get_attempts (row_at (bulk, 1)) < 1)
    g_main_context_iteration (NULL, TRUE);
  kw_bulk_reset_set_paused (bulk, TRUE);
  while (kw_bulk_reset_row_get_state (row_at (bulk, 1)) == KW_BULK_ROW_RUNNING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (kw_bulk_reset_row_get_state (row_at (bulk, 1)), ==, KW_BULK_ROW_PENDING);
  kw_test_bulk_wait_ms (100);
  g_assert_cmpuint (requests (fixture), ==, 2);

  kw_bulk_reset_set_paused (bulk, FALSE);
  kw_test_wait_result (&result);
  g_assert_true (kw_bulk_reset_run_finish (bulk, result, &error));
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 3);
  g_assert_cmpuint (kw_bulk_reset_row_get_attempts (row_at (bulk, 1)), ==, 2);
}

typedef struct
{
  guint  calls;
  double values[64];
  guint  remaining[64];
} SecondsLeft;

static void
record_seconds_left_cb (KwBulkReset *bulk,
                        guint        done,
                        guint        failed,
                        guint        remaining,
                        gpointer     user_data)
{
  SecondsLeft *seen = user_data;

  g_assert_cmpuint (seen->calls, <, G_N_ELEMENTS (seen->values));
  seen->values[seen->calls] = kw_bulk_reset_get_seconds_left (bulk);
  seen->remaining[seen->calls] = remaining;
  seen->calls++;
}

/* Unknown until three rows ended, then about the time the rest will take,
 * and 0 at the end. */
static void
test_seconds_left (Fixture       *fixture,
                   gconstpointer  data)
{
  const guint n = 12;
  g_auto(GStrv) list = kw_test_bulk_usernames (n, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GError) error = NULL;
  SecondsLeft seen = { 0 };
  double property = 0;

  g_object_get (bulk, "seconds-left", &property, NULL);
  g_assert_cmpfloat (property, ==, -1);

  /* One row every 50 ms. */
  kw_bulk_reset_set_concurrency (bulk, 1);
  for (guint i = 0; i < n; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "AdminResetUserPassword", KW_FAKE_FAULT_DELAY,
                                 "50");
  g_signal_connect (bulk, "progress", G_CALLBACK (record_seconds_left_cb), &seen);

  g_assert_true (kw_test_bulk_run (bulk, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (seen.calls, ==, n);
  g_assert_cmpfloat (seen.values[0], ==, -1);
  g_assert_cmpfloat (seen.values[1], ==, -1);
  for (guint i = 2; i < n - 1; i++)
    {
      double expected = seen.remaining[i] * 0.05;

      g_test_message ("after %u rows: %.3f s left, expected about %.3f", i + 1, seen.values[i],
                      expected);
      g_assert_cmpfloat (seen.values[i], >, expected * 0.5);
      g_assert_cmpfloat (seen.values[i], <, expected * 2);
    }
  g_assert_cmpfloat (seen.values[n - 1], ==, 0);
  g_assert_cmpfloat (kw_bulk_reset_get_seconds_left (bulk), ==, 0);
}

static void
test_seconds_left_after_cancel (Fixture       *fixture,
                                gconstpointer  data)
{
  g_auto(GStrv) list = kw_test_bulk_usernames (10, NULL);
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, (const char * const *) list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  KwTestCancelAt cancel = { cancellable, 5 };

  kw_bulk_reset_set_concurrency (bulk, 1);
  g_signal_connect (bulk, "progress", G_CALLBACK (kw_test_bulk_cancel_at_cb), &cancel);
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  g_assert_cmpuint (kw_bulk_reset_get_remaining (bulk), >, 0);
  /* Not running: nobody can tell when the rest will be done. */
  g_assert_cmpfloat (kw_bulk_reset_get_seconds_left (bulk), ==, -1);
}

/* The estimate's arithmetic, on a clock of its own. */
static void
test_eta_arithmetic (void)
{
  g_autoptr(KwBulkEta) eta = kw_bulk_eta_new ();
  const gint64 s = G_USEC_PER_SEC;
  gint64 t0 = 1000 * s;

  kw_bulk_eta_start (eta, t0);
  g_assert_cmpfloat (kw_bulk_eta_seconds_left (eta, 10, t0), ==, -1);
  g_assert_cmpfloat (kw_bulk_eta_seconds_left (eta, 0, t0), ==, 0);

  kw_bulk_eta_row_ended (eta, t0 + 1 * s);
  kw_bulk_eta_row_ended (eta, t0 + 2 * s);
  g_assert_cmpfloat (kw_bulk_eta_seconds_left (eta, 10, t0 + 2 * s), ==, -1);
  kw_bulk_eta_row_ended (eta, t0 + 3 * s);
  /* Three rows in three seconds: ten more take ten. */
  g_assert_cmpfloat_with_epsilon (kw_bulk_eta_seconds_left (eta, 10, t0 + 3 * s), 10, 1e-9);

  /* A pause of an hour does not count. */
  kw_bulk_eta_pause (eta, t0 + 3 * s);
  g_assert_cmpfloat_with_epsilon (kw_bulk_eta_seconds_left (eta, 10, t0 + 3603 * s), 10, 1e-9);
  kw_bulk_eta_resume (eta, t0 + 3603 * s);
  kw_bulk_eta_row_ended (eta, t0 + 3604 * s);
  g_assert_cmpfloat_with_epsilon (kw_bulk_eta_seconds_left (eta, 8, t0 + 3604 * s), 8, 1e-9);

  /* Only the last 30 seconds count: the rate is what it is now. Three
   * seconds of 20 rows a second, 36 s of run time later: the first rows
   * are out of the window, which is 30 s long. */
  for (guint i = 1; i <= 30; i++)
    {
      kw_bulk_eta_row_ended (eta, t0 + 3640 * s + i * s / 10);
      kw_bulk_eta_row_ended (eta, t0 + 3640 * s + i * s / 10);
    }
  g_assert_cmpfloat_with_epsilon (kw_bulk_eta_seconds_left (eta, 60, t0 + 3643 * s), 30, 1e-9);

  /* A new run forgets the last one. */
  kw_bulk_eta_start (eta, t0 + 4000 * s);
  g_assert_cmpfloat (kw_bulk_eta_seconds_left (eta, 10, t0 + 4000 * s), ==, -1);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The results file: one line per row, done, failed or pending, which
 * reads back as the same usernames. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const list[] = { "user000", "ghost", "user001", "user002", "user003", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) nowhere = NULL;
  g_autoptr(KwBulkCsv) csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *expected_time = NULL;
  g_autofree char *seconds = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) read_back = NULL;
  KwTestCancelAt cancel = { cancellable, 2 };
  GDateTime *time;

  kw_bulk_reset_set_concurrency (bulk, 1);
  g_signal_connect (bulk, "progress", G_CALLBACK (kw_test_bulk_cancel_at_cb), &cancel);
  g_assert_false (kw_test_bulk_run (bulk, cancellable, &error));
  g_clear_error (&error);

  text = kw_bulk_reset_to_csv (bulk);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "username,outcome,error,request_id,time");
  g_assert_cmpstr (lines[6], ==, "");

  fields = g_strsplit (lines[1], ",", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  g_assert_cmpstr (fields[0], ==, "user000");
  g_assert_cmpstr (fields[1], ==, "done");
  g_assert_cmpstr (fields[2], ==, "");
  g_assert_cmpstr (fields[3], ==, kw_bulk_reset_row_get_request_id (row_at (bulk, 0)));
  time = g_date_time_to_utc (kw_bulk_reset_row_get_time (row_at (bulk, 0)));
  seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
  expected_time = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (time) / 1000);
  g_date_time_unref (time);
  g_assert_cmpstr (fields[4], ==, expected_time);
  g_clear_pointer (&fields, g_strfreev);

  fields = g_strsplit (lines[2], ",", -1);
  g_assert_cmpstr (fields[0], ==, "ghost");
  g_assert_cmpstr (fields[1], ==, "failed");
  g_assert_cmpstr (fields[2], ==, "UserNotFoundException");
  g_assert_cmpstr (fields[3], ==, kw_bulk_reset_row_get_request_id (row_at (bulk, 1)));
  g_clear_pointer (&fields, g_strfreev);

  g_assert_cmpstr (lines[4], ==, "user002,pending,,,");
  g_assert_cmpstr (lines[5], ==, "user003,pending,,,");

  /* A results file opened as a list gives the usernames back. */
  csv = kw_bulk_csv_parse (text, strlen (text), &error);
  g_assert_no_error (error);
  read_back = kw_bulk_csv_dup_usernames (csv);
  g_assert_true (g_strv_equal ((const char * const *) read_back, list));

  /* To a stream, left open. */
  kw_bulk_reset_export_async (bulk, memory, NULL, write_cb, &result);
  kw_test_wait_result (&result);
  g_assert_true (kw_bulk_reset_export_finish (bulk, result, &error));
  g_assert_no_error (error);
  g_assert_false (g_output_stream_is_closed (memory));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), ==,
                    strlen (text));
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                   strlen (text), text, strlen (text));
  g_clear_object (&result);

  /* A stream that cannot take it. */
  g_output_stream_close (memory, NULL, NULL);
  kw_bulk_reset_export_async (bulk, memory, NULL, write_cb, &result);
  kw_test_wait_result (&result);
  g_assert_false (kw_bulk_reset_export_finish (bulk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&result);

  /* To a file, replacing what was there. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  file = g_file_new_build_filename (g_get_user_data_dir (), "results.csv", NULL);
  g_file_replace_contents (file, "old", 3, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  kw_bulk_reset_save_async (bulk, file, NULL, write_cb, &result);
  kw_test_wait_result (&result);
  g_assert_true (kw_bulk_reset_save_finish (bulk, result, &error));
  g_assert_no_error (error);
  g_file_load_contents (file, NULL, &saved, NULL, NULL, &error);
  g_assert_cmpstr (saved, ==, text);
  g_clear_object (&result);

  nowhere = g_file_new_build_filename (g_get_user_data_dir (), "missing", "results.csv", NULL);
  kw_bulk_reset_save_async (bulk, nowhere, NULL, write_cb, &result);
  kw_test_wait_result (&result);
  g_assert_false (kw_bulk_reset_save_finish (bulk, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* A username that needs quoting is quoted in the results. */
static void
test_export_quotes (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const list[] = { "a,b", "say\"hi", NULL };
  g_autoptr(KwBulkReset) bulk = kw_bulk_reset_new (fixture->helpdesk, list);
  g_autofree char *text = kw_bulk_reset_to_csv (bulk);

  g_assert_cmpstr (text, ==,
                   "username,outcome,error,request_id,time\r\n"
                   "\"a,b\",pending,,,\r\n"
                   "\"say\"\"hi\",pending,,,\r\n");
}

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  g_test_add_func ("/keyway/bulk-reset/eta-arithmetic", test_eta_arithmetic);

#define ADD(path, func) \
  g_test_add ("/keyway/bulk-reset/" path, Fixture, GUINT_TO_POINTER (20), \
              kw_test_bulk_setup, func, kw_test_bulk_teardown)

  ADD ("pause-resume", test_pause_resume);
  ADD ("paused-before-run-then-cancel", test_paused_before_run_then_cancel);
  ADD ("throttled-during-pause", test_throttled_during_pause);
  ADD ("seconds-left", test_seconds_left);
  ADD ("seconds-left-after-cancel", test_seconds_left_after_cancel);
  ADD ("export", test_export);
  ADD ("export-quotes", test_export_quotes);

#undef ADD

  return g_test_run ();
}
