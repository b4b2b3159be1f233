/* test-wizard.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-application.h"
#include "kw-error-dialog.h"
#include "kw-window-private.h"

#include "kw-test-ui.h"
#include "kw-test-utils.h"

#include <gtk/gtk.h>
#include <string.h>

/* The recovery wizard in demo mode, driven the way a person would: typing
 * into its fields and pressing its Next button, against the demo's fake
 * Cognito. */

#define NEW_PASSWORD "Correct-Horse-7-Battery"

typedef struct
{
  KwApplication *application;
  KwWindow      *window;
  KwFakeCognito *fake;         /* the demo's */
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static void
wait_until (Fixture    *fixture,
            Condition   condition,
            const char *what)
{
  kw_test_ui_wait_until ((KwTestCondition) condition, fixture, what);
}

static KwWizardPage *
visible_page (Fixture *fixture)
{
  return _kw_window_get_page (fixture->window);
}

static gboolean
on_account_page (Fixture *fixture)
{
  return visible_page (fixture) == KW_WIZARD_PAGE (fixture->window->account_page);
}

static gboolean
on_delivery_page (Fixture *fixture)
{
  return visible_page (fixture) == KW_WIZARD_PAGE (fixture->window->delivery_page);
}

static gboolean
on_code_page (Fixture *fixture)
{
  return visible_page (fixture) == KW_WIZARD_PAGE (fixture->window->code_page);
}

static gboolean
on_password_page (Fixture *fixture)
{
  return visible_page (fixture) == KW_WIZARD_PAGE (fixture->window->password_page);
}

static gboolean
on_done_page (Fixture *fixture)
{
  return visible_page (fixture) == KW_WIZARD_PAGE (fixture->window->done_page);
}

static KwErrorDialog *
find_error_dialog (void)
{
  return (KwErrorDialog *) kw_test_ui_find_toplevel (KW_TYPE_ERROR_DIALOG);
}

static gboolean
error_dialog_shown (Fixture *fixture)
{
  return find_error_dialog () != NULL;
}

static gboolean
error_dialog_gone (Fixture *fixture)
{
  return find_error_dialog () == NULL;
}

static GtkEditable *
get_entry_row (KwWizardPage *page,
               guint         index)
{
  return kw_test_ui_get_entry_row (GTK_WIDGET (page), index);
}

/* What pressing the header bar's button does, once the person can. */
static void
press_next (Fixture *fixture)
{
  GtkWidget *next_button = fixture->window->next_button;

  g_assert_true (gtk_widget_get_visible (next_button));
  g_assert_true (gtk_widget_is_sensitive (next_button));
  gtk_widget_activate (next_button);
}

static const char *
pool_id (Fixture *fixture)
{
  KwConnection *connection = kw_account_page_get_connection (fixture->window->account_page);

  g_assert_nonnull (connection);

  return kw_connection_get_user_pool_id (connection);
}

static const char *
stored_password (Fixture    *fixture,
                 const char *username)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fixture->fake);

  return kw_fake_directory_get_password (directory, pool_id (fixture), username);
}

/* One application for the whole program, as GApplication allows one
 * startup per process; each case gets a demo (a fresh fake) and a window
 * of its own. */
static KwApplication *application;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  KwDemo *demo;

  fixture->application = application;
  kw_application_start_demo (fixture->application, &error);
  g_assert_no_error (error);
  demo = kw_application_get_demo (fixture->application);
  fixture->fake = kw_demo_get_fake (demo);

  fixture->window = kw_window_new (fixture->application);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));

  wait_until (fixture, on_account_page, "the account page");
}

static gboolean
window_finalized (Fixture *fixture)
{
  return fixture->window == NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  while ((dialog = find_error_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* A request still in flight would hold the window, and its end would
   * land in a window that is gone. */
  wait_until (fixture, window_finalized, "the window to be finalized");

  kw_application_stop_demo (fixture->application);
}

/* Account, then delivery: returns the code the fake sent. */
static const char *
send_code (Fixture    *fixture,
           const char *username,
           const char *masked_destination)
{
  KwWindow *window = fixture->window;
  const char *code;

  kw_test_ui_type_text (get_entry_row (KW_WIZARD_PAGE (window->account_page), 0), username);
  press_next (fixture);
  wait_until (fixture, on_delivery_page, "the delivery page");

  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (window->delivery_page), masked_destination));

  code = kw_fake_cognito_get_last_code (fixture->fake, username);
  g_assert_nonnull (code);
  /* The demo's inbox is where a person reads it. */
  g_assert_true (gtk_revealer_get_reveal_child (window->inbox_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->inbox_label), code));

  press_next (fixture);
  wait_until (fixture, on_code_page, "the code page");

  return code;
}

static void
enter_code (Fixture    *fixture,
            const char *code)
{
  kw_test_ui_type_text (get_entry_row (KW_WIZARD_PAGE (fixture->window->code_page), 0), code);
  press_next (fixture);
  wait_until (fixture, on_password_page, "the password page");
}

static void
enter_password (Fixture    *fixture,
                const char *password)
{
  KwWizardPage *page = KW_WIZARD_PAGE (fixture->window->password_page);

  kw_test_ui_type_text (get_entry_row (page, 0), password);
  kw_test_ui_type_text (get_entry_row (page, 1), password);
  press_next (fixture);
}

static void
assert_recovered (Fixture    *fixture,
                  const char *username)
{
  KwWizardPage *password_page = KW_WIZARD_PAGE (fixture->window->password_page);

  wait_until (fixture, on_done_page, "the done page");

  g_assert_cmpstr (stored_password (fixture, username), ==, NEW_PASSWORD);
  /* Nothing of the recovery stays on screen once it is over. */
  g_assert_cmpstr (gtk_editable_get_text (get_entry_row (password_page, 0)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (get_entry_row (password_page, 1)), ==, "");
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->inbox_revealer));
  g_assert_null (find_error_dialog ());
}

static void
test_recover_by_email (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *code;

  g_assert_cmpstr (stored_password (fixture, "jane"), !=, NEW_PASSWORD);

  code = send_code (fixture, "jane", "j***@e***");
  enter_code (fixture, code);
  enter_password (fixture, NEW_PASSWORD);

  assert_recovered (fixture, "jane");
}

static void
test_recover_by_sms (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *code;

  code = send_code (fixture, "sam", "+*******0123");
  enter_code (fixture, code);
  enter_password (fixture, NEW_PASSWORD);

  assert_recovered (fixture, "sam");
}

static void
test_wrong_code (Fixture       *fixture,
                 gconstpointer  user_data)
{
  KwWizardPage *password_page = KW_WIZARD_PAGE (fixture->window->password_page);
  g_autofree char *old_password = NULL;
  g_autofree char *code = NULL;
  KwErrorDialog *dialog;
  const char *wrong;

  old_password = g_strdup (stored_password (fixture, "jane"));
  code = g_strdup (send_code (fixture, "jane", "j***@e***"));
  wrong = g_str_equal (code, "000000") ? "111111" : "000000";

  enter_code (fixture, wrong);
  enter_password (fixture, NEW_PASSWORD);

  wait_until (fixture, error_dialog_shown, "the error dialog");
  dialog = find_error_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Wrong code");
  g_assert_true (on_code_page (fixture));
  g_assert_cmpstr (stored_password (fixture, "jane"), ==, old_password);

  /* As Escape does: the dialog answers with its close response. */
  gtk_window_close (GTK_WINDOW (dialog));
  wait_until (fixture, error_dialog_gone, "the error dialog to close");
  g_assert_true (on_code_page (fixture));

  /* The right code this time; the password typed before is still there. */
  enter_code (fixture, code);
  g_assert_cmpstr (gtk_editable_get_text (get_entry_row (password_page, 0)), ==, NEW_PASSWORD);
  g_assert_cmpstr (gtk_editable_get_text (get_entry_row (password_page, 1)), ==, NEW_PASSWORD);
  press_next (fixture);

  assert_recovered (fixture, "jane");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  application = kw_test_ui_init (&argc, &argv);

  g_test_add ("/keyway/wizard/recover-by-email", Fixture, NULL,
              fixture_set_up, test_recover_by_email, fixture_tear_down);
  g_test_add ("/keyway/wizard/recover-by-sms", Fixture, NULL,
              fixture_set_up, test_recover_by_sms, fixture_tear_down);
  g_test_add ("/keyway/wizard/wrong-code", Fixture, NULL,
              fixture_set_up, test_wrong_code, fixture_tear_down);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
