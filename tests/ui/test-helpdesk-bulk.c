/* test-helpdesk-bulk.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-bulk-page.h"

#include "kw-test-helpdesk.h"
#include "kw-test-utils.h"

#include <string.h>

/* The helpdesk view's Bulk Reset page in demo mode, driven the way a
 * person would: a CSV file opened (the file chooser only picks the file
 * that kw_bulk_page_open_file() reads), its preview, the confirmation, a
 * run against the demo's fake with a request quota, pause, cancel, resume
 * in a new window, and the results saved. The fake counts the codes it
 * sends per user: a user reset twice would get two. */

static KwApplication *application;

typedef struct
{
  KwHelpdeskFixture base;
  GHashTable       *codes;        /* username → codes the fake sent them */
  gulong            code_sent_id;
} Fixture;

static void
code_sent_cb (KwFakeCognito *fake,
              const char    *username,
              const char    *destination,
              const char    *medium,
              const char    *code,
              Fixture       *fixture)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->codes, username));

  g_hash_table_replace (fixture->codes, g_strdup (username), GUINT_TO_POINTER (count + 1));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  kw_test_helpdesk_set_up (&fixture->base, application);
  kw_test_helpdesk_sign_in (&fixture->base);
  kw_test_helpdesk_show_page (&fixture->base, "bulk");

  fixture->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->code_sent_id = g_signal_connect (fixture->base.fake, "code-sent",
                                            G_CALLBACK (code_sent_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_signal_handler_disconnect (fixture->base.fake, fixture->code_sent_id);
  kw_test_helpdesk_tear_down (&fixture->base);
  g_hash_table_unref (fixture->codes);
}

static KwBulkPage *
page (Fixture *fixture)
{
  return kw_test_helpdesk_bulk_page (&fixture->base);
}

static gboolean
page_shows (Fixture    *fixture,
            const char *text)
{
  return kw_test_ui_shows_text (GTK_WIDGET (page (fixture)), text);
}

static guint
count_resets (Fixture *fixture)
{
  return kw_fake_cognito_count_requests (fixture->base.fake, "AdminResetUserPassword");
}

/* A file in the test's own folder. */
static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

/* A file of usernames PREFIX000 … and the header "username". */
static GFile *
write_users_file (const char *name,
                  const char *prefix,
                  guint       n)
{
  g_autoptr(GString) csv = g_string_new ("username\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s%03u\n", prefix, i);

  return write_file (name, csv->str, csv->len);
}

static gboolean
page_idle (gpointer data)
{
  Fixture *fixture = data;

  return !kw_bulk_page_get_busy (page (fixture));
}

static void
open_file (Fixture *fixture,
           GFile   *file)
{
  kw_bulk_page_open_file (page (fixture), file);
  kw_test_ui_wait_until (page_idle, fixture, "the file to be read");
}

static void
wait_run (Fixture *fixture)
{
  kw_test_helpdesk_wait_long (page_idle, fixture, "the bulk reset to end", 20);
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_FINISHED);
}

/* Presses @button and answers the confirmation @heading with @response. */
static void
confirm (Fixture    *fixture,
         const char *button,
         const char *heading,
         const char *response)
{
  AdwMessageDialog *dialog;

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), button));
  dialog = kw_test_helpdesk_wait_dialog (heading);
  kw_test_helpdesk_respond (dialog, response);
}

typedef struct
{
  Fixture *fixture;
  guint    done;
} DoneWait;

static gboolean
done_reached (gpointer data)
{
  DoneWait *wait = data;
  KwBulkReset *bulk = kw_bulk_page_get_bulk_reset (page (wait->fixture));

  return bulk != NULL && kw_bulk_reset_get_done (bulk) >= wait->done;
}

static void
wait_done (Fixture *fixture,
           guint    done)
{
  DoneWait wait = { fixture, done };

  kw_test_helpdesk_wait_long (done_reached, &wait, "users to be reset", 20);
}

/* Each of PREFIX000 … got exactly one code. */
static void
assert_each_reset_once (Fixture    *fixture,
                        const char *prefix,
                        guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *username = g_strdup_printf ("%s%03u", prefix, i);
      guint codes = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->codes, username));

      if (codes != 1)
        g_error ("%s got %u codes", username, codes);
    }
  g_assert_cmpuint (g_hash_table_size (fixture->codes), ==, n);
}

/* A label under @widget with @text, shown or not. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return child;

      found = find_label (child, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preview (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *long_name = g_strnfill (129, 'a');
  g_autofree char *csv = g_strdup_printf ("username,email\n"
                                          "ann,ann@example.com\n"
                                          "bob,bob@example.com\n"
                                          "\"bad user\",bad@example.com\n"
                                          "ann,again@example.com\n"
                                          ",nobody@example.com\n"
                                          "%s,long@example.com\n"
                                          "carol,carol@example.com\n",
                                          long_name);
  g_autoptr(GFile) file = write_file ("people.csv", csv, -1);
  AdwMessageDialog *dialog;
  KwBulkCsv *read;

  open_file (fixture, file);

  /* Every row, and what happens to it, before anything is sent. */
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_PREVIEW);
  read = kw_bulk_page_get_csv (page (fixture));
  g_assert_cmpuint (kw_bulk_csv_get_n_to_reset (read), ==, 3);
  g_assert_true (page_shows (fixture, "people.csv"));
  g_assert_true (page_shows (fixture, "3 users will be reset"));
  g_assert_true (page_shows (fixture, "2 invalid usernames, 1 duplicate, 1 empty row"));

  /* Each flagged row says why. */
  g_assert_true (page_shows (fixture, "Line 2 · Will be reset"));
  g_assert_true (page_shows (fixture, "Line 4 · Not a username: usernames have no spaces"));
  g_assert_true (page_shows (fixture, "Line 5 · Duplicate of line 2: skipped"));
  g_assert_true (page_shows (fixture, "Line 6 · Empty: skipped"));
  g_assert_true (page_shows (fixture, "Line 7 · Too long: a username has at most 128 "
                                      "characters"));
  g_assert_true (page_shows (fixture, "bad user"));

  /* The confirmation says what happens, in plain words; Enter cancels. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Reset 3 Users…"));
  dialog = kw_test_helpdesk_wait_dialog ("Reset 3 Users?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Each of the 3 users gets a "
                                                                  "code"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "current password stops working at once"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  kw_test_helpdesk_respond (dialog, "Cancel");

  kw_test_ui_spin (100);
  g_assert_cmpuint (count_resets (fixture), ==, 0);
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_PREVIEW);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
  const char *says;
} BadFile;

static const BadFile bad_files[] = {
  { "latin1.csv", "username\njane\nren\xe9\n", -1, "Line 3 is not UTF-8 text" },
  { "utf16.csv", "\xff\xfeu\0s\0e\0r\0", 10, "is not UTF-8 text" },
  { "empty.csv", "", 0, "The file is empty" },
  { "blank.csv", "\n\n  \n", -1, "The file is empty" },
  { "quote.csv", "username\n\"jane\nkim\n", -1, "starts on line 2 never ends" },
};

static void
test_file_errors (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/keyway/people.csv");

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GFile) file = write_file (bad_files[i].name, bad_files[i].contents,
                                          bad_files[i].length);

      open_file (fixture, file);

      /* Said in words, with nothing to start. */
      g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_UNREADABLE);
      g_assert_true (page_shows (fixture, "Cannot Read This File"));
      if (!page_shows (fixture, bad_files[i].says))
        g_error ("%s: the page does not say “%s”", bad_files[i].name, bad_files[i].says);
      g_assert_null (kw_bulk_page_get_csv (page (fixture)));
      g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (page (fixture)),
                                                "Open Another File…"));
    }

  open_file (fixture, missing);
  g_assert_true (page_shows (fixture, "The file cannot be read"));

  g_assert_cmpuint (count_resets (fixture), ==, 0);
  g_assert_null (kw_bulk_page_get_bulk_reset (page (fixture)));
}

static void
label_visible_cb (GtkWidget  *label,
                  GParamSpec *pspec,
                  gboolean   *seen)
{
  if (gtk_widget_get_visible (label))
    *seen = TRUE;
}

static void
test_cancel_resume (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;
  GtkWidget *throttled;
  gboolean slowed = FALSE;
  KwBulkReset *bulk;
  guint done;
  guint requests;
  g_autofree char *resume = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *response = NULL;

  kw_test_helpdesk_add_users (&fixture->base, "bulk", 200);
  file = write_users_file ("two-hundred.csv", "bulk", 200);
  /* A quota: about four seconds for the 200, and throttled answers. */
  kw_fake_cognito_set_rate_limit (fixture->base.fake, 50);

  open_file (fixture, file);
  g_assert_true (page_shows (fixture, "200 users will be reset"));
  throttled = find_label (GTK_WIDGET (page (fixture)), "Slowed down by the service");
  g_assert_nonnull (throttled);
  g_signal_connect (throttled, "notify::visible", G_CALLBACK (label_visible_cb), &slowed);

  confirm (fixture, "Reset 200 Users…", "Reset 200 Users?", "Reset 200 Users");
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_RUNNING);
  g_assert_true (page_shows (fixture, "Resetting Passwords"));

  /* Cancelled in the middle: nothing asked, what was done stays done. */
  wait_done (fixture, 60);
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Cancel"));
  wait_run (fixture);
  g_assert_null (kw_test_helpdesk_find_dialog ("Reset 200 Users?"));

  bulk = kw_bulk_page_get_bulk_reset (page (fixture));
  done = kw_bulk_reset_get_done (bulk);
  requests = count_resets (fixture);
  g_assert_cmpuint (done, >=, 60);
  g_assert_cmpuint (done, <, 200);
  /* Throttling slowed the run and failed no one. */
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  g_assert_cmpuint (requests, >, done);
  g_assert_true (slowed);
  g_assert_true (page_shows (fixture, "Stopped"));
  g_assert_cmpuint (g_hash_table_size (fixture->codes), ==, done);
  kw_test_ui_spin (200);
  g_assert_cmpuint (count_resets (fixture), ==, requests);

  /* Later, in a new window: the same file offers to resume. */
  kw_test_helpdesk_close_window (&fixture->base);
  kw_test_helpdesk_open_window (&fixture->base);
  kw_test_helpdesk_sign_in (&fixture->base);
  kw_test_helpdesk_show_page (&fixture->base, "bulk");
  open_file (fixture, file);

  resume = g_strdup_printf ("Resume (%u done)", done);
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Start Over"));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Reset 200 Users…"));
  g_assert_true (page_shows (fixture, "stopped after"));

  heading = g_strdup_printf ("Reset %u Users?", 200 - done);
  response = g_strdup_printf ("Reset %u Users", 200 - done);
  confirm (fixture, resume, heading, response);

  /* Someone who goes on to another page meanwhile gets a toast at the
   * end. */
  kw_test_helpdesk_show_page (&fixture->base, "users");
  wait_run (fixture);
  kw_test_helpdesk_wait_toast (&fixture->base, "Bulk reset finished: 200 users reset");
  kw_test_helpdesk_show_page (&fixture->base, "bulk");

  /* Every user reset, each exactly once. */
  bulk = kw_bulk_page_get_bulk_reset (page (fixture));
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 200);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 0);
  assert_each_reset_once (fixture, "bulk", 200);
  g_assert_true (page_shows (fixture, "All 200 Users Reset"));
}

static void
test_start_over (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;

  kw_test_helpdesk_add_users (&fixture->base, "again", 20);
  file = write_users_file ("again.csv", "again", 20);
  kw_fake_cognito_set_rate_limit (fixture->base.fake, 20);

  open_file (fixture, file);
  confirm (fixture, "Reset 20 Users…", "Reset 20 Users?", "Reset 20 Users");
  wait_done (fixture, 3);
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Cancel"));
  wait_run (fixture);

  /* Opened again: Start Over forgets the earlier run. */
  open_file (fixture, file);
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Start Over"));
  kw_test_ui_wait_until (page_idle, fixture, "the journal to be discarded");
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Start Over"));
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Reset 20 Users…"));

  /* And a file opened once more offers nothing to resume. */
  open_file (fixture, file);
  g_assert_nonnull (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Reset 20 Users…"));
}

typedef struct
{
  Fixture *fixture;
  gboolean paused;
} PauseWait;

static gboolean
paused_shown (gpointer data)
{
  PauseWait *wait = data;

  return page_shows (wait->fixture, "Paused") == wait->paused;
}

static void
test_pause (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;
  KwBulkReset *bulk;
  PauseWait wait = { fixture, TRUE };
  guint requests;
  guint done;

  kw_test_helpdesk_add_users (&fixture->base, "pause", 100);
  file = write_users_file ("pause.csv", "pause", 100);
  kw_fake_cognito_set_rate_limit (fixture->base.fake, 50);

  open_file (fixture, file);
  confirm (fixture, "Reset 100 Users…", "Reset 100 Users?", "Reset 100 Users");
  wait_done (fixture, 10);

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Pause"));
  kw_test_ui_wait_until (paused_shown, &wait, "Paused");
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Pause"));
  g_assert_false (page_shows (fixture, "left"));

  /* Requests in flight finish; then nothing more goes out. */
  kw_test_ui_spin (300);
  bulk = kw_bulk_page_get_bulk_reset (page (fixture));
  requests = count_resets (fixture);
  done = kw_bulk_reset_get_done (bulk);
  kw_test_ui_spin (1000);
  g_assert_cmpuint (count_resets (fixture), ==, requests);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, done);
  g_assert_cmpuint (done, <, 100);
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_RUNNING);

  /* Resumed, it goes on to the end. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Resume"));
  wait.paused = FALSE;
  kw_test_ui_wait_until (paused_shown, &wait, "Paused to go");
  wait_run (fixture);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 100);
  assert_each_reset_once (fixture, "pause", 100);
}

static void
test_save_and_retry (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GFile) file = write_file ("few.csv", "username\nfew000\nfew001\nghost\nfew002\n", -1);
  g_autoptr(GFile) results = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KwBulkReset *bulk;

  kw_test_helpdesk_add_users (&fixture->base, "few", 3);
  /* One service failure that retrying gets past; one user who does not
   * exist, whom it does not. */
  kw_fake_cognito_queue_fault (fixture->base.fake, "AdminResetUserPassword",
                               KW_FAKE_FAULT_ERROR, "InternalErrorException");

  open_file (fixture, file);
  confirm (fixture, "Reset 4 Users…", "Reset 4 Users?", "Reset 4 Users");
  wait_run (fixture);

  bulk = kw_bulk_page_get_bulk_reset (page (fixture));
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 2);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 2);
  g_assert_true (page_shows (fixture, "Finished With Failures"));
  g_assert_true (page_shows (fixture, "(UserNotFoundException)"));

  /* Retried, the failed rows run again; the done ones do not. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Retry Failed"));
  wait_run (fixture);
  g_assert_cmpuint (kw_bulk_reset_get_done (bulk), ==, 3);
  g_assert_cmpuint (kw_bulk_reset_get_failed (bulk), ==, 1);
  assert_each_reset_once (fixture, "few", 3);

  /* Saved: a header, then one line per user, in the file's order. */
  path = g_build_filename (g_get_user_cache_dir (), "few-results.csv", NULL);
  results = g_file_new_for_path (path);
  kw_bulk_page_save_results (page (fixture), results);
  kw_test_ui_wait_until (page_idle, fixture, "the results to be saved");
  kw_test_helpdesk_wait_toast (&fixture->base, "Results saved to few-results.csv");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_cmpstr (lines[0], ==, "username,outcome,error,request_id,time");
  g_assert_true (g_str_has_prefix (lines[1], "few000,done,,"));
  g_assert_true (g_str_has_prefix (lines[2], "few001,done,,"));
  g_assert_true (g_str_has_prefix (lines[3], "ghost,failed,UserNotFoundException,"));
  g_assert_true (g_str_has_prefix (lines[4], "few002,done,,"));
  g_assert_cmpstr (lines[5], ==, "");

  /* A folder that is not there: a dialog says so. */
  g_clear_object (&results);
  results = g_file_new_for_path ("/nonexistent/keyway/results.csv");
  kw_bulk_page_save_results (page (fixture), results);
  kw_test_helpdesk_respond (kw_test_helpdesk_wait_dialog ("Could Not Save the Results"), "Close");
}

static void
test_concurrency_setting (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) file = NULL;
  KwBulkReset *bulk;
  guint concurrency = 0;

  kw_test_helpdesk_add_users (&fixture->base, "slow", 30);
  file = write_users_file ("slow.csv", "slow", 30);
  kw_fake_cognito_set_rate_limit (fixture->base.fake, 30);

  g_settings_set_uint (settings, "bulk-concurrency", 2);
  open_file (fixture, file);
  confirm (fixture, "Reset 30 Users…", "Reset 30 Users?", "Reset 30 Users");

  bulk = kw_bulk_page_get_bulk_reset (page (fixture));
  g_object_get (bulk, "concurrency", &concurrency, NULL);
  g_assert_cmpuint (concurrency, ==, 2);

  /* A change applies to the run on. */
  g_settings_set_uint (settings, "bulk-concurrency", 6);
  g_object_get (bulk, "concurrency", &concurrency, NULL);
  g_assert_cmpuint (concurrency, ==, 6);

  wait_run (fixture);
  g_settings_reset (settings, "bulk-concurrency");
  assert_each_reset_once (fixture, "slow", 30);
}

static void
test_sign_out (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;
  guint requests;
  guint codes;

  kw_test_helpdesk_add_users (&fixture->base, "gone", 60);
  file = write_users_file ("gone.csv", "gone", 60);
  kw_fake_cognito_set_rate_limit (fixture->base.fake, 20);

  open_file (fixture, file);
  confirm (fixture, "Reset 60 Users…", "Reset 60 Users?", "Reset 60 Users");
  wait_done (fixture, 5);

  /* Signing out stops the run; what was done is kept for later. */
  kw_helpdesk_window_sign_out (fixture->base.window);
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_EMPTY);
  g_assert_null (kw_bulk_page_get_bulk_reset (page (fixture)));
  kw_test_ui_spin (300);
  requests = count_resets (fixture);
  codes = g_hash_table_size (fixture->codes);
  kw_test_ui_spin (500);
  g_assert_cmpuint (count_resets (fixture), ==, requests);
  g_assert_cmpuint (codes, <, 60);

  kw_test_helpdesk_sign_in (&fixture->base);
  kw_test_helpdesk_show_page (&fixture->base, "bulk");
  open_file (fixture, file);
  g_assert_true (page_shows (fixture, "stopped after"));

  /* Closing the window in the middle of a run leaves nothing behind (the
   * tear-down checks that no dialog comes late). */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (page (fixture)), "Start Over"));
  kw_test_ui_wait_until (page_idle, fixture, "the journal to be discarded");
  confirm (fixture, "Reset 60 Users…", "Reset 60 Users?", "Reset 60 Users");
  g_assert_cmpint (kw_bulk_page_get_state (page (fixture)), ==, KW_BULK_PAGE_RUNNING);
  kw_test_helpdesk_close_window (&fixture->base);
}

static void
test_long_file (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) file = write_users_file ("long.csv", "long", 1500);
  GtkWidget *list;
  KwTestProbe *probe;

  probe = kw_test_probe_start (10);
  open_file (fixture, file);
  kw_test_ui_spin (100);
  /* Reading and listing 1,500 rows never holds up the window. */
  g_assert_cmpint (kw_test_probe_stop (probe), <, 250 * G_TIME_SPAN_MILLISECOND);

  g_assert_true (page_shows (fixture, "1500 users will be reset"));
  g_assert_true (page_shows (fixture, "long000"));

  /* Only the rows on screen and about them have widgets (GtkListView
   * keeps up to 200): not two labels for each of the 1,500. */
  list = kw_test_ui_find_descendant (GTK_WIDGET (page (fixture)), GTK_TYPE_LIST_VIEW, 0);
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_null (kw_test_ui_find_descendant (list, GTK_TYPE_LABEL, 500));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = kw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/keyway/helpdesk-bulk/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("preview", test_preview);
  ADD ("file-errors", test_file_errors);
  ADD ("cancel-resume", test_cancel_resume);
  ADD ("start-over", test_start_over);
  ADD ("pause", test_pause);
  ADD ("save-and-retry", test_save_and_retry);
  ADD ("concurrency-setting", test_concurrency_setting);
  ADD ("sign-out", test_sign_out);
  ADD ("long-file", test_long_file);

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
