/* kw-test-wizard.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-wizard.h"

#include "kw-recovery-flow-private.h"

#include <stdlib.h>
#include <string.h>

/* One application for the whole program, as GApplication allows one
 * startup per process; each case gets a demo (a fresh fake) and a window
 * of its own. */
static KwApplication *application;

void
kw_test_wizard_init (int    *argc,
                     char ***argv)
{
  application = kw_test_ui_init (argc, argv);

  /* GNOME's window buttons, not the X11 default of three that no GNOME
   * desktop (or phone) shows; they count in what fits the header bar. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
}

void
kw_test_wizard_wait (KwWizardFixture   *fixture,
                     KwWizardCondition  condition,
                     const char        *what)
{
  kw_test_ui_wait_until ((KwTestCondition) condition, fixture, what);
}

KwWizardPage *
kw_test_wizard_page (KwWizardFixture *fixture)
{
  return fixture->window != NULL ? _kw_window_get_page (fixture->window) : NULL;
}

gboolean
kw_test_wizard_on_account_page (KwWizardFixture *fixture)
{
  return kw_test_wizard_page (fixture) == KW_WIZARD_PAGE (fixture->window->account_page);
}

gboolean
kw_test_wizard_on_delivery_page (KwWizardFixture *fixture)
{
  return kw_test_wizard_page (fixture) == KW_WIZARD_PAGE (fixture->window->delivery_page);
}

gboolean
kw_test_wizard_on_code_page (KwWizardFixture *fixture)
{
  return kw_test_wizard_page (fixture) == KW_WIZARD_PAGE (fixture->window->code_page);
}

gboolean
kw_test_wizard_on_password_page (KwWizardFixture *fixture)
{
  return kw_test_wizard_page (fixture) == KW_WIZARD_PAGE (fixture->window->password_page);
}

gboolean
kw_test_wizard_on_done_page (KwWizardFixture *fixture)
{
  return kw_test_wizard_page (fixture) == KW_WIZARD_PAGE (fixture->window->done_page);
}

/* No request in flight: what the person sees as the Cancel button gone. */
gboolean
kw_test_wizard_idle (KwWizardFixture *fixture)
{
  return !gtk_widget_get_visible (fixture->window->cancel_button);
}

gboolean
kw_test_wizard_window_finalized (KwWizardFixture *fixture)
{
  return fixture->window == NULL;
}

GtkEditable *
kw_test_wizard_entry (gpointer page,
                      guint    index)
{
  return kw_test_ui_get_entry_row (GTK_WIDGET (page), index);
}

gboolean
kw_test_wizard_has_focus (KwWizardFixture *fixture,
                          gpointer         widget)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));

  return focus != NULL &&
         (focus == widget || gtk_widget_is_ancestor (focus, GTK_WIDGET (widget)));
}

gboolean
kw_test_wizard_next_enabled (KwWizardFixture *fixture)
{
  GtkWidget *next_button = fixture->window->next_button;

  return gtk_widget_get_visible (next_button) && gtk_widget_is_sensitive (next_button);
}

/* What pressing the header bar's button does, once the person can. */
void
kw_test_wizard_press_next (KwWizardFixture *fixture)
{
  g_assert_true (kw_test_wizard_next_enabled (fixture));
  kw_test_ui_press (fixture->window->next_button);
}

static const char *
pool_id (KwWizardFixture *fixture)
{
  KwConnection *connection = kw_account_page_get_connection (fixture->window->account_page);

  g_assert_nonnull (connection);

  return kw_connection_get_user_pool_id (connection);
}

const char *
kw_test_wizard_stored_password (KwWizardFixture *fixture,
                                const char      *username)
{
  KwFakeDirectory *directory = kw_fake_cognito_get_directory (fixture->fake);

  return kw_fake_directory_get_password (directory, pool_id (fixture), username);
}

const char *
kw_test_wizard_send_code (KwWizardFixture *fixture,
                          const char      *username,
                          const char      *masked_destination)
{
  KwWindow *window = fixture->window;
  const char *code;

  kw_test_ui_type_text (kw_test_wizard_entry (window->account_page, 0), username);
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");

  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (window->delivery_page), masked_destination));

  code = kw_fake_cognito_get_last_code (fixture->fake, username);
  g_assert_nonnull (code);
  /* The demo's inbox is where a person reads it. */
  g_assert_true (gtk_revealer_get_reveal_child (window->inbox_revealer));
  g_assert_nonnull (strstr (gtk_label_get_text (window->inbox_label), code));

  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page");

  return code;
}

void
kw_test_wizard_enter_code (KwWizardFixture *fixture,
                           const char      *code)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->code_page, 0), code);
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_password_page, "the password page");
}

void
kw_test_wizard_enter_password (KwWizardFixture *fixture,
                               const char      *password)
{
  KwPasswordPage *page = fixture->window->password_page;

  kw_test_ui_type_text (kw_test_wizard_entry (page, 0), password);
  kw_test_ui_type_text (kw_test_wizard_entry (page, 1), password);
  kw_test_wizard_press_next (fixture);
}

void
kw_test_wizard_reach_change (KwWizardFixture *fixture,
                             const char      *username,
                             const char      *masked_destination)
{
  KwPasswordPage *page = fixture->window->password_page;
  g_autofree char *code = NULL;

  code = g_strdup (kw_test_wizard_send_code (fixture, username, masked_destination));
  kw_test_wizard_enter_code (fixture, code);
  kw_test_ui_type_text (kw_test_wizard_entry (page, 0), KW_TEST_NEW_PASSWORD);
  kw_test_ui_type_text (kw_test_wizard_entry (page, 1), KW_TEST_NEW_PASSWORD);
  g_assert_true (kw_test_wizard_next_enabled (fixture));
}

void
kw_test_wizard_assert_recovered (KwWizardFixture *fixture,
                                 const char      *username)
{
  KwPasswordPage *password_page = fixture->window->password_page;

  kw_test_wizard_wait (fixture, kw_test_wizard_on_done_page, "the done page");

  g_assert_cmpstr (kw_test_wizard_stored_password (fixture, username), ==, KW_TEST_NEW_PASSWORD);
  /* Nothing of the recovery stays on screen once it is over. */
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (password_page, 0)), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (password_page, 1)), ==, "");
  g_assert_false (gtk_revealer_get_reveal_child (fixture->window->inbox_revealer));
  g_assert_null (kw_test_wizard_find_dialog ());
}

void
kw_test_wizard_set_cooldown (KwWizardFixture *fixture,
                             guint            seconds)
{
  g_assert_nonnull (fixture->window->flow);

  kw_recovery_flow_set_cooldown (fixture->window->flow, seconds);
}

void
kw_test_wizard_tune_client (KwWizardFixture *fixture,
                            guint            timeout)
{
  KwRecoveryFlow *flow = fixture->window->flow;

  g_assert_nonnull (flow);
  g_assert_nonnull (flow->client);

  /* The backoff between attempts is the client's business, tested in the
   * core; here it would only make the cases slow. */
  g_object_set (flow->client, "retry-base-delay", 1, NULL);
  if (timeout > 0)
    kw_cognito_client_set_timeout (flow->client, timeout);
}

void
kw_test_wizard_warm_up (KwWizardFixture *fixture)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-account", NULL);
  g_assert_true (kw_test_wizard_on_account_page (fixture));

  kw_test_wizard_tune_client (fixture, 0);
}

KwErrorDialog *
kw_test_wizard_find_dialog (void)
{
  return (KwErrorDialog *) kw_test_ui_find_toplevel (KW_TYPE_ERROR_DIALOG);
}

gboolean
kw_test_wizard_dialog_shown (KwWizardFixture *fixture)
{
  return kw_test_wizard_find_dialog () != NULL;
}

gboolean
kw_test_wizard_dialog_gone (KwWizardFixture *fixture)
{
  return kw_test_wizard_find_dialog () == NULL;
}

KwErrorDialog *
kw_test_wizard_expect_dialog (KwWizardFixture *fixture,
                              const char      *heading,
                              const char      *default_label)
{
  AdwMessageDialog *dialog;
  const char *default_response;
  GtkWidget *default_button;

  kw_test_wizard_wait (fixture, kw_test_wizard_dialog_shown, heading);
  dialog = ADW_MESSAGE_DIALOG (kw_test_wizard_find_dialog ());

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  default_response = adw_message_dialog_get_default_response (dialog);
  if (default_label == NULL)
    {
      /* Closing is all there is to do. */
      g_assert_cmpstr (default_response, ==, KW_ERROR_DIALOG_RESPONSE_CLOSE);
      g_assert_false (adw_message_dialog_has_response (dialog, KW_ERROR_DIALOG_RESPONSE_ACTION));
      g_assert_false (kw_error_dialog_offers_action (KW_ERROR_DIALOG (dialog)));
      default_label = "Close";
    }
  else
    {
      g_assert_cmpstr (default_response, ==, KW_ERROR_DIALOG_RESPONSE_ACTION);
      g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, default_response), ==,
                       default_label);
      g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, default_response), ==,
                       ADW_RESPONSE_SUGGESTED);
    }

  /* The button Enter presses is the one that says so. */
  default_button = kw_test_ui_find_button (GTK_WIDGET (dialog), default_label);
  g_assert_nonnull (default_button);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == default_button);

  return KW_ERROR_DIALOG (dialog);
}

void
kw_test_wizard_answer_dialog (KwWizardFixture *fixture,
                              KwErrorDialog   *dialog,
                              const char      *label)
{
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (dialog), label));
  kw_test_wizard_wait (fixture, kw_test_wizard_dialog_gone, "the dialog to close");
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->window) == size->width &&
         gtk_widget_get_height (size->window) == size->height;
}

static gboolean
has_some_size (gpointer data)
{
  Size *size = data;

  return gtk_widget_get_width (size->window) > 0;
}

void
kw_test_wizard_resize (KwWizardFixture *fixture,
                       int              width,
                       int              height)
{
  Size size = { GTK_WIDGET (fixture->window), width, height };

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  kw_test_ui_wait_until (has_some_size, &size, "the window's size");
  kw_test_ui_spin (100);

  /* The default size counts what the window draws around its content;
   * asks again, for the content to be the size asked for. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window),
                               2 * width - gtk_widget_get_width (size.window),
                               2 * height - gtk_widget_get_height (size.window));
  kw_test_ui_wait_until (has_size, &size, "the window's new size");
}

static void
fixture_set_up (KwWizardFixture *fixture,
                gconstpointer    user_data)
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

  kw_test_wizard_wait (fixture, kw_test_wizard_on_account_page, "the account page");

  /* For looking at what the tests drive the window to, at a phone's width
   * for example (see kw_test_ui_screenshot()). */
  if (g_getenv ("KW_TEST_WINDOW_WIDTH") != NULL)
    kw_test_wizard_resize (fixture, atoi (g_getenv ("KW_TEST_WINDOW_WIDTH")), 720);
}

static void
fixture_tear_down (KwWizardFixture *fixture,
                   gconstpointer    user_data)
{
  KwErrorDialog *dialog;

  while ((dialog = kw_test_wizard_find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      /* A request still in flight would hold the window, and its end would
       * land in a window that is gone. */
      kw_test_wizard_wait (fixture, kw_test_wizard_window_finalized,
                           "the window to be finalized");
    }

  kw_application_stop_demo (fixture->application);
}

void
kw_test_wizard_add (const char       *path,
                    KwWizardTestFunc  func)
{
  g_test_add (path, KwWizardFixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
kw_test_wizard_run (void)
{
  int status = g_test_run ();

  g_clear_object (&application);

  return status;
}
