/* test-wizard-busy.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-wizard.h"

#include <gtk/gtk.h>

/* The wizard while a request is in flight, the demo's fake Cognito holding
 * its answer back: what the person can and cannot do meanwhile, Cancel,
 * closing the window, a main loop that never stalls, and a header bar that
 * still fits a phone. */

typedef KwWizardFixture Fixture;

/* How long the fake holds an answer back: long enough to look at the busy
 * step, short enough for the cases to stay quick. */
#define DELAY_MS 800

static guint
count (Fixture    *fixture,
       const char *operation)
{
  return kw_fake_cognito_count_requests (fixture->fake, operation);
}

static void
delay_next (Fixture    *fixture,
            const char *operation,
            guint       delay_ms)
{
  g_autofree char *argument = g_strdup_printf ("%u", delay_ms);

  kw_fake_cognito_queue_fault (fixture->fake, operation, KW_FAKE_FAULT_DELAY, argument);
}

typedef struct
{
  Fixture    *fixture;
  const char *operation;
  guint       requests;
} Arrival;

static gboolean
request_arrived (gpointer data)
{
  Arrival *arrival = data;

  return count (arrival->fixture, arrival->operation) >= arrival->requests;
}

/* Waits for the fake to hold the @requests-th request of @operation. */
static void
wait_for_request (Fixture    *fixture,
                  const char *operation,
                  guint       requests)
{
  Arrival arrival = { fixture, operation, requests };

  kw_test_ui_wait_until (request_arrived, &arrival, "the request to reach the service");
}

/* What the person sees while a step's request is in flight. */
static void
assert_busy (Fixture *fixture,
             gpointer field)
{
  KwWindow *window = fixture->window;

  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (field)));
  g_assert_true (gtk_widget_get_visible (window->cancel_button));
  g_assert_true (gtk_widget_is_sensitive (window->cancel_button));
  g_assert_false (gtk_widget_get_visible (window->back_button));
  g_assert_false (kw_test_wizard_next_enabled (fixture));
}

static void
assert_next_spinning (Fixture *fixture)
{
  GtkSpinner *spinner = fixture->window->next_spinner;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spinner)));
  g_assert_true (gtk_spinner_get_spinning (spinner));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (spinner), fixture->window->next_button));
}

static void
press_cancel (Fixture *fixture)
{
  kw_test_ui_press (fixture->window->cancel_button);
  kw_test_wizard_wait (fixture, kw_test_wizard_idle, "the request to end");
}

/* Pressing Next again while it is off: a click that was on its way, the
 * action itself, and Enter in a field. */
static void
press_next_again (Fixture *fixture)
{
  g_signal_emit_by_name (fixture->window->next_button, "clicked");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL);
  gtk_widget_activate_default (GTK_WIDGET (fixture->window->account_page));
  kw_test_ui_spin (50);
}

static void
test_cancel_send (Fixture       *fixture,
                  gconstpointer  user_data)
{
  GtkEditable *username = kw_test_wizard_entry (fixture->window->account_page, 0);
  gint64 pressed;

  delay_next (fixture, "ForgotPassword", DELAY_MS);
  kw_test_ui_type_text (username, "jane");
  kw_test_wizard_press_next (fixture);
  pressed = g_get_monotonic_time ();
  wait_for_request (fixture, "ForgotPassword", 1);

  assert_busy (fixture, username);
  assert_next_spinning (fixture);
  press_next_again (fixture);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);

  press_cancel (fixture);

  /* Back to typing, as before Next, without a word about it. */
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (username)));
  g_assert_cmpstr (gtk_editable_get_text (username), ==, "jane");
  g_assert_true (kw_test_wizard_has_focus (fixture, username));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->next_spinner)));
  g_assert_true (kw_test_wizard_next_enabled (fixture));

  /* The service, which had the request, may still act on it (the demo's
   * inbox may show a code); its answer lands nowhere. */
  kw_test_ui_spin (DELAY_MS + 200 - (g_get_monotonic_time () - pressed) / 1000);
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_null (kw_test_wizard_find_dialog ());
  g_assert_true (kw_test_wizard_next_enabled (fixture));

  /* Next twice in a row: one request. */
  kw_test_wizard_press_next (fixture);
  press_next_again (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
}

static void
test_cancel_confirm (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwPasswordPage *page = fixture->window->password_page;

  kw_test_wizard_reach_change (fixture, "jane", "j***@e***");

  delay_next (fixture, "ConfirmForgotPassword", DELAY_MS);
  kw_test_wizard_press_next (fixture);
  wait_for_request (fixture, "ConfirmForgotPassword", 1);

  assert_busy (fixture, kw_test_wizard_entry (page, 0));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (kw_test_wizard_entry (page, 1))));
  assert_next_spinning (fixture);
  press_next_again (fixture);
  g_assert_cmpuint (count (fixture, "ConfirmForgotPassword"), ==, 1);

  press_cancel (fixture);
  g_assert_true (kw_test_wizard_on_password_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (page, 0)), ==,
                   KW_TEST_NEW_PASSWORD);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (kw_test_wizard_entry (page, 0))));
  g_assert_true (kw_test_wizard_has_focus (fixture, kw_test_wizard_entry (page, 0)));

  /* Whatever the service did with the request, the page does not claim
   * it: no success, no failure. */
  kw_test_ui_spin (DELAY_MS + 200);
  g_assert_true (kw_test_wizard_on_password_page (fixture));
  g_assert_null (kw_test_wizard_find_dialog ());
  g_assert_true (kw_test_wizard_next_enabled (fixture));
}

static void
test_cancel_resend (Fixture       *fixture,
                    gconstpointer  user_data)
{
  KwDeliveryPage *page = fixture->window->delivery_page;
  GtkWidget *resend_button;
  GtkWidget *other_account;

  kw_test_wizard_set_cooldown (fixture, 0);
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  resend_button = kw_test_ui_find_button (GTK_WIDGET (page), "Resend Code");
  other_account = kw_test_ui_find_button (GTK_WIDGET (page), "Use a Different Account");

  delay_next (fixture, "ForgotPassword", DELAY_MS);
  kw_test_ui_press (resend_button);
  wait_for_request (fixture, "ForgotPassword", 2);

  /* The spinner is on the button that was pressed; nothing else goes. */
  g_assert_false (gtk_widget_is_sensitive (resend_button));
  g_assert_true (kw_test_ui_find_descendant (resend_button, GTK_TYPE_SPINNER, 0) != NULL);
  g_assert_true (gtk_widget_get_visible (kw_test_ui_find_descendant (resend_button,
                                                                     GTK_TYPE_SPINNER, 0)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window->next_spinner)));
  g_assert_false (gtk_widget_is_sensitive (other_account));
  g_assert_false (kw_test_wizard_next_enabled (fixture));
  g_assert_true (gtk_widget_get_visible (fixture->window->cancel_button));

  press_cancel (fixture);
  g_assert_true (kw_test_wizard_on_delivery_page (fixture));
  g_assert_true (gtk_widget_is_sensitive (resend_button));
  g_assert_true (gtk_widget_is_sensitive (other_account));
  g_assert_true (kw_test_wizard_next_enabled (fixture));
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
}

/* Escape while busy means Cancel. */
static void
test_escape_cancels (Fixture       *fixture,
                     gconstpointer  user_data)
{
  GtkEditable *username = kw_test_wizard_entry (fixture->window->account_page, 0);

  if (!kw_test_ui_can_press_keys ())
    {
      g_test_skip ("xdotool and an X11 display are needed to press keys");
      return;
    }

  delay_next (fixture, "ForgotPassword", DELAY_MS);
  kw_test_ui_type_keys (GTK_WINDOW (fixture->window), "jane");
  kw_test_ui_press_keys (GTK_WINDOW (fixture->window), "Return");
  wait_for_request (fixture, "ForgotPassword", 1);
  assert_busy (fixture, username);

  kw_test_ui_press_keys (GTK_WINDOW (fixture->window), "Escape");
  kw_test_wizard_wait (fixture, kw_test_wizard_idle, "the request to end");
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_true (kw_test_wizard_has_focus (fixture, username));

  /* Escape with nothing to cancel and nowhere to go back to: nothing. */
  kw_test_ui_press_keys (GTK_WINDOW (fixture->window), "Escape");
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (username), ==, "jane");
}

/* Closing the window ends what it started, at once. */
static void
close_while_busy (Fixture    *fixture,
                  const char *operation,
                  guint       requests)
{
  gint64 closed;

  delay_next (fixture, operation, DELAY_MS);
  kw_test_wizard_press_next (fixture);
  wait_for_request (fixture, operation, requests);

  closed = g_get_monotonic_time ();
  gtk_window_close (GTK_WINDOW (fixture->window));
  kw_test_wizard_wait (fixture, kw_test_wizard_window_finalized, "the window to be finalized");
  g_assert_cmpint (g_get_monotonic_time () - closed, <, 500 * G_TIME_SPAN_MILLISECOND);

  /* Nothing is left to answer to; the time the answer would have taken
   * passes quietly. */
  kw_test_ui_spin (DELAY_MS + 200);
  g_assert_null (kw_test_wizard_find_dialog ());
  g_assert_cmpuint (count (fixture, operation), ==, requests);
}

static void
test_close_while_sending (Fixture       *fixture,
                          gconstpointer  user_data)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  close_while_busy (fixture, "ForgotPassword", 1);
}

static void
test_close_while_confirming (Fixture       *fixture,
                             gconstpointer  user_data)
{
  kw_test_wizard_reach_change (fixture, "jane", "j***@e***");
  close_while_busy (fixture, "ConfirmForgotPassword", 1);
}

static void
test_close_with_dialog (Fixture       *fixture,
                        gconstpointer  user_data)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "nobody");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_expect_dialog (fixture, "Unknown username", "Change Username");

  gtk_window_close (GTK_WINDOW (fixture->window));
  kw_test_wizard_wait (fixture, kw_test_wizard_window_finalized, "the window to be finalized");
  g_assert_null (kw_test_wizard_find_dialog ());
}

/* Sends a code with the answer two seconds away; returns the longest time
 * the main loop was kept from a timer that ticks every 10 ms meanwhile. */
static gint64
probe_send_code (Fixture *fixture)
{
  KwTestProbe *probe;
  gint64 started;
  gint64 longest_gap;

  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  delay_next (fixture, "ForgotPassword", 2000);
  /* The frames of the typing are drawn before the clock starts. */
  kw_test_ui_spin (100);

  started = g_get_monotonic_time ();
  probe = kw_test_probe_start (10);
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  longest_gap = kw_test_probe_stop (probe);

  g_assert_cmpint (g_get_monotonic_time () - started, >=, 2 * G_USEC_PER_SEC);
  g_test_message ("Longest gap between ticks: %" G_GINT64_FORMAT " µs", longest_gap);

  return longest_gap;
}

/* With the answer two seconds away, the main loop never waits on it: a
 * timer every 10 ms is never more than 50 ms late. The machine may be
 * busy with other things for a moment, which a test cannot tell from a
 * stall of its own; a stall of the app's is there every time, so up to
 * three tries, each with a flow of its own (another connection), as the
 * first request of a flow does the most. */
static void
test_responsive (Fixture       *fixture,
                 gconstpointer  user_data)
{
  AdwComboRow *connection_row = ADW_COMBO_ROW (kw_test_ui_find_descendant (
    GTK_WIDGET (fixture->window->account_page), ADW_TYPE_COMBO_ROW, 0));
  gint64 shortest = G_MAXINT64;

  for (guint attempt = 0; attempt < 3 && shortest >= 50 * G_TIME_SPAN_MILLISECOND; attempt++)
    {
      gint64 longest_gap;

      if (attempt > 0)
        {
          gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-account", NULL);
          adw_combo_row_set_selected (connection_row, attempt % 2);
        }

      longest_gap = probe_send_code (fixture);
      shortest = MIN (shortest, longest_gap);
    }

  g_assert_cmpint (shortest, <, 50 * G_TIME_SPAN_MILLISECOND);
}

/* The window at @width while a step is busy: it keeps its width. */
static void
assert_fits (Fixture    *fixture,
             int         width,
             const char *name)
{
  g_autofree char *screenshot = g_strdup_printf ("%s-%d", name, width);

  kw_test_ui_spin (100);
  g_assert_cmpint (kw_test_ui_get_min_width (GTK_WINDOW (fixture->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, width);
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), screenshot);
}

/* What the busy Next button shows: the spinner, with its label when
 * there is room; its name is there for a screen reader either way. */
static void
assert_busy_button (Fixture    *fixture,
                    const char *label,
                    gboolean    label_shown)
{
  GtkWidget *next_button = fixture->window->next_button;
  GtkWidget *spinner = kw_test_ui_find_descendant (next_button, GTK_TYPE_SPINNER, 0);
  GtkWidget *compact = kw_test_ui_find_descendant (next_button, GTK_TYPE_SPINNER, 1);

  /* One of the two spinners, spinning. */
  g_assert_true ((gtk_widget_is_drawable (spinner) && gtk_spinner_get_spinning (GTK_SPINNER (spinner))) ||
                 (gtk_widget_is_drawable (compact) && gtk_spinner_get_spinning (GTK_SPINNER (compact))));
  g_assert_cmpint (kw_test_ui_shows_text (next_button, label), ==, label_shown);
  gtk_test_accessible_assert_property (next_button, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

static void
busy_layout (Fixture  *fixture,
             int       width,
             gboolean  label_shown)
{
  kw_test_wizard_resize (fixture, width, 720);
  assert_fits (fixture, width, "idle-account");

  delay_next (fixture, "ForgotPassword", DELAY_MS);
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  wait_for_request (fixture, "ForgotPassword", 1);
  assert_fits (fixture, width, "busy-account");
  assert_busy_button (fixture, "Send Code", label_shown);

  /* Not busy, the label is back in any case. */
  press_cancel (fixture);
  assert_fits (fixture, width, "account");
  g_assert_true (kw_test_ui_shows_text (fixture->window->next_button, "Send Code"));

  kw_test_wizard_reach_change (fixture, "jane", "j***@e***");
  assert_fits (fixture, width, "password");
  delay_next (fixture, "ConfirmForgotPassword", DELAY_MS);
  kw_test_wizard_press_next (fixture);
  wait_for_request (fixture, "ConfirmForgotPassword", 1);
  assert_fits (fixture, width, "busy-password");
  assert_busy_button (fixture, "Change", label_shown);

  press_cancel (fixture);
  g_assert_true (kw_test_ui_shows_text (fixture->window->next_button, "Change"));
}

/* A phone's width: Cancel, the spinner and the button's label would need
 * more than 360 px together. */
static void
test_narrow_busy (Fixture       *fixture,
                  gconstpointer  user_data)
{
  busy_layout (fixture, 360, FALSE);
}

static void
test_wide_busy (Fixture       *fixture,
                gconstpointer  user_data)
{
  busy_layout (fixture, 900, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_wizard_init (&argc, &argv);

  kw_test_wizard_add ("/keyway/wizard-busy/cancel-send", test_cancel_send);
  kw_test_wizard_add ("/keyway/wizard-busy/cancel-confirm", test_cancel_confirm);
  kw_test_wizard_add ("/keyway/wizard-busy/cancel-resend", test_cancel_resend);
  kw_test_wizard_add ("/keyway/wizard-busy/escape-cancels", test_escape_cancels);
  kw_test_wizard_add ("/keyway/wizard-busy/close-while-sending", test_close_while_sending);
  kw_test_wizard_add ("/keyway/wizard-busy/close-while-confirming", test_close_while_confirming);
  kw_test_wizard_add ("/keyway/wizard-busy/close-with-dialog", test_close_with_dialog);
  kw_test_wizard_add ("/keyway/wizard-busy/responsive", test_responsive);
  kw_test_wizard_add ("/keyway/wizard-busy/narrow-busy", test_narrow_busy);
  kw_test_wizard_add ("/keyway/wizard-busy/wide-busy", test_wide_busy);

  return kw_test_wizard_run ();
}
