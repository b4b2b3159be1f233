/* test-helpdesk-audit.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-audit-page.h"

#include "kw-test-helpdesk.h"
#include "kw-test-utils.h"

#include <string.h>

/* The helpdesk view's Audit Log page in demo mode: the actions taken on
 * the Users page, listed newest first when the page is shown, filtered by
 * username, with lines of the log that cannot be read left out and
 * counted. */

static KwApplication *application;

typedef struct
{
  KwHelpdeskFixture base;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  kw_test_helpdesk_set_up (&fixture->base, application);
  kw_test_helpdesk_sign_in (&fixture->base);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  kw_test_helpdesk_tear_down (&fixture->base);
}

static KwAuditPage *
page (Fixture *fixture)
{
  return kw_test_helpdesk_audit_page (&fixture->base);
}

static gboolean
page_shows (Fixture    *fixture,
            const char *text)
{
  return kw_test_ui_shows_text (GTK_WIDGET (page (fixture)), text);
}

static gboolean
page_idle (gpointer data)
{
  Fixture *fixture = data;

  return !kw_audit_page_get_busy (page (fixture));
}

/* Shows the page, which reads the log, and waits for the records. */
static void
show_audit (Fixture *fixture)
{
  kw_test_helpdesk_show_page (&fixture->base, "audit");
  kw_test_ui_wait_until (page_idle, fixture, "the audit log to be read");
  /* The list's rows are laid out on the next frame. */
  kw_test_ui_spin (50);
}

/* Sends @username a reset code from the Users page. */
static void
send_code (Fixture    *fixture,
           const char *username)
{
  AdwMessageDialog *dialog;
  AdwActionRow *row;

  kw_test_helpdesk_show_page (&fixture->base, "users");
  kw_test_helpdesk_open_user (&fixture->base, username);
  row = kw_test_helpdesk_find_row (GTK_WIDGET (kw_test_helpdesk_card (&fixture->base)),
                                   "Send Reset Code");
  g_assert_nonnull (row);
  kw_test_ui_press (GTK_WIDGET (row));
  dialog = kw_test_helpdesk_wait_dialog ("Send Reset Code?");
  kw_test_helpdesk_respond (dialog, "Send Code");
  kw_test_helpdesk_wait_card (&fixture->base);
}

static KwAuditRecord *
record_at (Fixture *fixture,
           guint    position)
{
  GListModel *records = kw_audit_page_get_records (page (fixture));
  g_autoptr(KwAuditRecord) record = NULL;

  g_assert_nonnull (records);
  record = g_list_model_get_item (records, position);
  g_assert_nonnull (record);

  /* The list holds a reference. */
  return record;
}

static guint
n_records (Fixture *fixture)
{
  GListModel *records = kw_audit_page_get_records (page (fixture));

  return records != NULL ? g_list_model_get_n_items (records) : 0;
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  user_data)
{
  show_audit (fixture);

  g_assert_cmpuint (n_records (fixture), ==, 0);
  g_assert_true (page_shows (fixture, "No Actions Yet"));
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  user_data)
{
  AdwMessageDialog *dialog;
  GtkWidget *request_label = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  /* Shown first while empty; an action elsewhere is there when the page
   * is shown again. */
  show_audit (fixture);
  g_assert_true (page_shows (fixture, "No Actions Yet"));

  send_code (fixture, "jane");
  send_code (fixture, "robin");
  dialog = kw_test_helpdesk_wait_dialog ("Password cannot be reset");
  kw_test_helpdesk_respond (dialog, "Close");
  send_code (fixture, "kim");

  show_audit (fixture);
  g_assert_cmpuint (n_records (fixture), ==, 3);
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 0)), ==, "kim");
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 1)), ==, "robin");
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 2)), ==, "jane");

  /* What happened, to whom, how it ended, by whom, in words. */
  g_assert_true (page_shows (fixture, "Reset code sent · kim"));
  g_assert_true (page_shows (fixture, "Reset code sent · jane"));
  g_assert_true (page_shows (fixture, "Succeeded"));
  g_assert_true (page_shows (fixture, "Failed: NotAuthorizedException"));
  g_assert_true (page_shows (fixture, "By "));
  g_assert_false (page_shows (fixture, "AdminResetUserPassword"));

  /* The request id is there to copy. */
  g_assert_nonnull (kw_audit_record_get_request_id (record_at (fixture, 0)));
  for (guint i = 0;; i++)
    {
      GtkWidget *label = kw_test_ui_find_descendant (GTK_WIDGET (page (fixture)),
                                                     GTK_TYPE_LABEL, i);

      if (label == NULL)
        break;
      if (strstr (gtk_label_get_text (GTK_LABEL (label)),
                  kw_audit_record_get_request_id (record_at (fixture, 0))) != NULL)
        request_label = label;
    }
  g_assert_nonnull (request_label);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (request_label)));
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  user_data)
{
  GtkWidget *entry;

  send_code (fixture, "jane");
  send_code (fixture, "kim");
  send_code (fixture, "jane");

  show_audit (fixture);
  g_assert_cmpuint (n_records (fixture), ==, 3);

  /* Part of a username, in any case. */
  entry = kw_test_ui_find_descendant (GTK_WIDGET (page (fixture)), GTK_TYPE_SEARCH_ENTRY, 0);
  g_assert_nonnull (entry);
  kw_test_ui_type_text (GTK_EDITABLE (entry), "JAN");
  /* The search entry waits a moment before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  kw_test_ui_wait_until (page_idle, fixture, "the filtered log");
  kw_test_ui_spin (50);
  g_assert_cmpuint (n_records (fixture), ==, 2);
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 0)), ==, "jane");
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 1)), ==, "jane");
  g_assert_true (page_shows (fixture, "Reset code sent · jane"));
  g_assert_false (page_shows (fixture, "Reset code sent · kim"));

  kw_test_ui_type_text (GTK_EDITABLE (entry), "nobody");
  g_signal_emit_by_name (entry, "search-changed");
  kw_test_ui_wait_until (page_idle, fixture, "the filtered log");
  g_assert_cmpuint (n_records (fixture), ==, 0);
  g_assert_true (page_shows (fixture, "No Actions Found"));
  g_assert_true (page_shows (fixture, "“nobody”"));

  kw_test_ui_type_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  kw_test_ui_wait_until (page_idle, fixture, "the whole log");
  g_assert_cmpuint (n_records (fixture), ==, 3);
}

static void
append_line (Fixture    *fixture,
             const char *line)
{
  KwAuditLog *audit_log = kw_helpdesk_window_get_audit_log (fixture->base.window);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = g_file_append_to (kw_audit_log_get_file (audit_log), G_FILE_CREATE_NONE, NULL,
                             &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), line, strlen (line), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);
}

static void
test_malformed_line (Fixture       *fixture,
                     gconstpointer  user_data)
{
  send_code (fixture, "jane");
  append_line (fixture, "{\"time\": this is not JSON\n");
  send_code (fixture, "kim");

  /* The rest is shown, and the page says a line was left out. */
  show_audit (fixture);
  g_assert_cmpuint (n_records (fixture), ==, 2);
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 0)), ==, "kim");
  g_assert_cmpstr (kw_audit_record_get_username (record_at (fixture, 1)), ==, "jane");
  g_assert_true (page_shows (fixture, "1 line of the audit log could not be read"));
  g_assert_true (page_shows (fixture, "Reset code sent · jane"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = kw_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/keyway/helpdesk-audit/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("empty", test_empty);
  ADD ("newest-first", test_newest_first);
  ADD ("filter", test_filter);
  ADD ("malformed-line", test_malformed_line);

#undef ADD

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
