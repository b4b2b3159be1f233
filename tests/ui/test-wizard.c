/* test-wizard.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-wizard.h"

#include <gtk/gtk.h>
#include <string.h>

/* The recovery wizard in demo mode, driven the way a person would: typing
 * into its fields and pressing its buttons, against the demo's fake
 * Cognito. Its steps, going back, the fields' own checks, focus and the
 * keyboard. The error dialogs are in test-wizard-errors.c, requests in
 * flight in test-wizard-busy.c. */

/* jane's password before any test changes it (the demo's). */
#define OLD_PASSWORD "Keyway-Demo-Passw0rd"

typedef KwWizardFixture Fixture;

static GtkWidget *
get_row (gpointer page,
         guint    index)
{
  return GTK_WIDGET (kw_test_wizard_entry (page, index));
}

static gboolean
shows_invalid (GtkWidget *row)
{
  return gtk_widget_has_css_class (row, "error") &&
         gtk_test_accessible_has_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
test_recover_by_email (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *code;

  g_assert_cmpstr (kw_test_wizard_stored_password (fixture, "jane"), ==, OLD_PASSWORD);

  code = kw_test_wizard_send_code (fixture, "jane", "j***@e***");
  kw_test_wizard_enter_code (fixture, code);
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);

  kw_test_wizard_assert_recovered (fixture, "jane");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 1);
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ConfirmForgotPassword"),
                    ==, 1);

  /* "Recover Another Account" starts over, with nothing of the last one. */
  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (fixture->window->done_page),
                                            "Recover Another Account"));
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (fixture->window->account_page, 0)),
                   ==, "");
}

static void
test_recover_by_sms (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *code;

  code = kw_test_wizard_send_code (fixture, "sam", "+*******0123");
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (fixture->window->code_page), "+*******0123"));
  kw_test_wizard_enter_code (fixture, code);
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);

  kw_test_wizard_assert_recovered (fixture, "sam");
}

static void
test_wrong_code (Fixture       *fixture,
                 gconstpointer  user_data)
{
  KwPasswordPage *password_page = fixture->window->password_page;
  g_autofree char *code = NULL;
  KwErrorDialog *dialog;
  const char *wrong;

  code = g_strdup (kw_test_wizard_send_code (fixture, "jane", "j***@e***"));
  wrong = g_str_equal (code, "000000") ? "111111" : "000000";

  kw_test_wizard_enter_code (fixture, wrong);
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);

  dialog = kw_test_wizard_expect_dialog (fixture, "Wrong code", "Change Code");
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  g_assert_cmpstr (kw_test_wizard_stored_password (fixture, "jane"), ==, OLD_PASSWORD);
  /* The reason stays next to the field once the dialog is gone. */
  g_assert_true (shows_invalid (get_row (fixture->window->code_page, 0)));

  kw_test_wizard_answer_dialog (fixture, dialog, "Change Code");
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (fixture->window->code_page, 0)));

  /* The right code this time; the password typed before is still there. */
  kw_test_wizard_enter_code (fixture, code);
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (password_page, 0)), ==,
                   KW_TEST_NEW_PASSWORD);
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (password_page, 1)), ==,
                   KW_TEST_NEW_PASSWORD);
  kw_test_wizard_press_next (fixture);

  kw_test_wizard_assert_recovered (fixture, "jane");
}

/* Every step puts the keyboard focus where the person goes on: the first
 * field, or Next where there is nothing to type. */
static void
test_focus_per_step (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwWindow *window = fixture->window;
  const char *code;

  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (window->account_page, 0)));

  kw_test_ui_type_text (kw_test_wizard_entry (window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  g_assert_true (kw_test_wizard_has_focus (fixture, window->next_button));
  /* What a screen reader says with the focused button. */
  gtk_test_accessible_assert_property (window->next_button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "A code was sent to the email address j***@e***.");
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");

  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page");
  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (window->code_page, 0)));

  kw_test_wizard_enter_code (fixture, code);
  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (window->password_page, 0)));

  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_done_page, "the done page");
  g_assert_true (kw_test_wizard_has_focus (fixture,
                                           kw_test_ui_find_button (GTK_WIDGET (window->done_page),
                                                                   "Close")));
}

static void
press_keys (Fixture    *fixture,
            const char *keys)
{
  kw_test_ui_press_keys (GTK_WINDOW (fixture->window), keys);
}

static void
type_keys (Fixture    *fixture,
           const char *text)
{
  kw_test_ui_type_keys (GTK_WINDOW (fixture->window), text);
}

/* Enter goes on from the last field, Escape goes back; real key presses
 * through the X server, wherever GTK has put the focus. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  KwWindow *window = fixture->window;
  g_autofree char *code = NULL;

  if (!kw_test_ui_can_press_keys ())
    {
      g_test_skip ("xdotool and an X11 display are needed to press keys");
      return;
    }

  type_keys (fixture, "jane");
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (window->account_page, 0)), ==,
                   "jane");
  press_keys (fixture, "Return");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  code = g_strdup (kw_fake_cognito_get_last_code (fixture->fake, "jane"));

  /* Nothing to type here: Enter means Next. */
  press_keys (fixture, "Return");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page");

  /* Escape is Back, and Back keeps the code's step as it was. */
  press_keys (fixture, "Escape");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page again");
  press_keys (fixture, "Return");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page again");

  type_keys (fixture, code);
  press_keys (fixture, "Return");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_password_page, "the password page");

  press_keys (fixture, "Escape");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page once more");
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (window->code_page, 0)), ==, code);
  press_keys (fixture, "Return");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_password_page, "the password page again");

  /* Enter in the first field moves on to the second; in the last, it
   * sends. */
  type_keys (fixture, KW_TEST_NEW_PASSWORD);
  press_keys (fixture, "Return");
  g_assert_true (kw_test_wizard_on_password_page (fixture));
  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (window->password_page, 1)));
  type_keys (fixture, KW_TEST_NEW_PASSWORD);
  press_keys (fixture, "Return");
  kw_test_wizard_assert_recovered (fixture, "jane");

  /* There is no way back from the end. */
  press_keys (fixture, "Escape");
  g_assert_true (kw_test_wizard_on_done_page (fixture));
}

static gboolean
widget_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

static void
test_resend_cooldown (Fixture       *fixture,
                      gconstpointer  user_data)
{
  KwDeliveryPage *page = fixture->window->delivery_page;
  GtkWidget *resend_button;
  const char *code;

  /* Two seconds stand for the minute a person waits. */
  kw_test_wizard_set_cooldown (fixture, 2);

  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");

  resend_button = kw_test_ui_find_button (GTK_WIDGET (page), "Resend Code");
  g_assert_nonnull (resend_button);
  g_assert_false (gtk_widget_is_sensitive (resend_button));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "You can ask for a new code in 0:02"));

  kw_test_ui_wait_until (widget_sensitive, resend_button, "the end of the cooldown");
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (page), "You can ask for a new code"));
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 1);

  kw_test_ui_press (resend_button);
  kw_test_wizard_wait (fixture, kw_test_wizard_idle, "the new code");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 2);
  g_assert_true (kw_test_wizard_on_delivery_page (fixture));

  /* The new code, in the inbox; and the wait starts again. */
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->inbox_label), code));
  g_assert_false (gtk_widget_is_sensitive (resend_button));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "You can ask for a new code in 0:0"));

  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page");
  kw_test_wizard_enter_code (fixture, code);
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);
  kw_test_wizard_assert_recovered (fixture, "jane");
}

static void
test_change_account (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwWindow *window = fixture->window;
  GtkEditable *username = kw_test_wizard_entry (window->account_page, 0);

  kw_test_ui_type_text (username, "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");

  kw_test_ui_press (kw_test_ui_find_button (GTK_WIDGET (window->delivery_page),
                                            "Use a Different Account"));
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (username), ==, "jane");
  /* Ready for the correction: focused, the name selected for replacing. */
  g_assert_true (kw_test_wizard_has_focus (fixture, username));
  g_assert_false (gtk_revealer_get_reveal_child (window->inbox_revealer));
  g_assert_false (gtk_widget_get_visible (window->back_button));

  /* The header bar's Back button does the same. */
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page again");
  kw_test_ui_press (window->back_button);
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (username), ==, "jane");

  /* Another name, another code. */
  kw_test_wizard_send_code (fixture, "sam", "+*******0123");
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ForgotPassword"), ==, 3);
}

static void
test_code_malformed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwCodePage *page = fixture->window->code_page;
  GtkEditable *code_entry;
  GtkWidget *code_row;

  kw_test_wizard_send_code (fixture, "jane", "j***@e***");
  code_entry = kw_test_wizard_entry (page, 0);
  code_row = GTK_WIDGET (code_entry);
  g_assert_false (shows_invalid (code_row));

  /* Letters are wrong whatever follows: said at once, next to the field. */
  kw_test_ui_type_text (code_entry, "12ab56");
  g_assert_true (shows_invalid (code_row));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "A code has only digits"));
  kw_test_wizard_press_next (fixture);
  kw_test_ui_spin (50);
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  g_assert_null (kw_test_wizard_find_dialog ());

  /* Too short only counts once the person says they are done. */
  kw_test_ui_type_text (code_entry, "123");
  g_assert_false (shows_invalid (code_row));
  kw_test_wizard_press_next (fixture);
  kw_test_ui_spin (50);
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  g_assert_true (shows_invalid (code_row));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "This code is too short"));
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "code-too-short");
  g_assert_null (kw_test_wizard_find_dialog ());
  g_assert_true (kw_test_wizard_has_focus (fixture, code_row));

  /* Nothing of this reached the service. */
  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ConfirmForgotPassword"),
                    ==, 0);

  kw_test_ui_type_text (code_entry, "1234567");
  g_assert_false (shows_invalid (code_row));
}

static gboolean
code_pasted (Fixture *fixture)
{
  return gtk_editable_get_text (kw_test_wizard_entry (fixture->window->code_page, 0))[0] != '\0';
}

static void
test_code_pasted (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *pasted = NULL;
  GtkEditable *code_entry;
  const char *code;

  code = kw_test_wizard_send_code (fixture, "jane", "j***@e***");
  code_entry = kw_test_wizard_entry (fixture->window->code_page, 0);

  /* As mail clients copy it: grouped in threes, with the line's end. */
  pasted = g_strdup_printf ("%.3s %s\n", code, code + 3);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (code_entry)), pasted);
  gtk_widget_activate_action (GTK_WIDGET (gtk_editable_get_delegate (code_entry)),
                              "clipboard.paste", NULL);
  kw_test_wizard_wait (fixture, code_pasted, "the pasted code");

  g_assert_cmpstr (gtk_editable_get_text (code_entry), ==, code);
  g_assert_false (shows_invalid (GTK_WIDGET (code_entry)));

  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_password_page, "the password page");
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);
  kw_test_wizard_assert_recovered (fixture, "jane");
}

static void
count_ticks (GtkWidget *widget,
             guint     *ticked,
             guint     *total)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_widget_get_visible (child))
        {
          const char *icon_name = gtk_image_get_icon_name (GTK_IMAGE (child));

          if (g_strcmp0 (icon_name, "object-select-symbolic") == 0)
            (*ticked)++;
          if (g_strcmp0 (icon_name, "object-select-symbolic") == 0 ||
              g_strcmp0 (icon_name, "radio-symbolic") == 0)
            (*total)++;
        }

      count_ticks (child, ticked, total);
    }
}

static guint
ticks (Fixture *fixture,
       guint   *total)
{
  guint ticked = 0;

  *total = 0;
  count_ticks (GTK_WIDGET (fixture->window->password_page), &ticked, total);

  return ticked;
}

static void
type_passwords (Fixture    *fixture,
                const char *password,
                const char *confirmation)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->password_page, 0), password);
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->password_page, 1), confirmation);
}

static void
test_password_rules (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *code;
  guint total;

  code = kw_test_wizard_send_code (fixture, "jane", "j***@e***");
  kw_test_wizard_enter_code (fixture, code);

  /* The demo's policy: length, upper, lower, digit, symbol, no space; and
   * the two fields alike. */
  g_assert_cmpuint (ticks (fixture, &total), ==, 0);
  g_assert_cmpuint (total, ==, 7);
  g_assert_false (kw_test_wizard_next_enabled (fixture));

  type_passwords (fixture, "short", "");
  g_assert_false (kw_test_wizard_next_enabled (fixture));
  /* Lowercase and no space are met. */
  g_assert_cmpuint (ticks (fixture, &total), ==, 2);

  type_passwords (fixture, "longer-password", "");
  g_assert_false (kw_test_wizard_next_enabled (fixture));
  g_assert_cmpuint (ticks (fixture, &total), ==, 4);

  /* Every rule but the match. */
  type_passwords (fixture, KW_TEST_NEW_PASSWORD, "Correct-Horse-7-Batter");
  g_assert_false (kw_test_wizard_next_enabled (fixture));
  g_assert_cmpuint (ticks (fixture, &total), ==, 6);

  type_passwords (fixture, KW_TEST_NEW_PASSWORD, KW_TEST_NEW_PASSWORD);
  g_assert_cmpuint (ticks (fixture, &total), ==, 7);
  g_assert_true (kw_test_wizard_next_enabled (fixture));

  /* A space breaks a rule again. */
  type_passwords (fixture, "Correct Horse-7-Battery", "Correct Horse-7-Battery");
  g_assert_false (kw_test_wizard_next_enabled (fixture));
  g_assert_cmpuint (ticks (fixture, &total), ==, 6);

  g_assert_cmpuint (kw_fake_cognito_count_requests (fixture->fake, "ConfirmForgotPassword"),
                    ==, 0);
}

static void
assert_password_refused (Fixture    *fixture,
                         const char *password,
                         const char *reason)
{
  KwPasswordPage *page = fixture->window->password_page;
  g_autofree char *text = g_strconcat ("The service refused this password: ", reason, NULL);

  kw_test_wizard_wait (fixture, kw_test_wizard_idle, "the answer");

  /* The page says it, next to the field; the rest of the step is as it
   * was, to try another password. */
  g_assert_true (kw_test_wizard_on_password_page (fixture));
  g_assert_null (kw_test_wizard_find_dialog ());
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), text));
  g_assert_true (shows_invalid (get_row (page, 0)));
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (page, 0)), ==, password);
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (page, 1)), ==, password);
  g_assert_true (kw_test_wizard_has_focus (fixture, get_row (page, 0)));
}

static void
test_password_refused (Fixture       *fixture,
                       gconstpointer  user_data)
{
  KwPasswordPage *page = fixture->window->password_page;
  const char *code;

  code = kw_test_wizard_send_code (fixture, "jane", "j***@e***");
  kw_test_wizard_enter_code (fixture, code);

  /* The policy the app knows is met; the service's history is not. */
  kw_test_wizard_enter_password (fixture, OLD_PASSWORD);
  assert_password_refused (fixture, OLD_PASSWORD,
                           "The password has been used recently. Choose a different password.");

  /* A rule only the service knows. */
  kw_fake_cognito_queue_fault (fixture->fake, "ConfirmForgotPassword", KW_FAKE_FAULT_ERROR,
                               "InvalidPasswordException");
  kw_test_wizard_enter_password (fixture, "Another-Passw0rd");
  assert_password_refused (fixture, "Another-Passw0rd", "Injected by the fake");
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "password-refused");

  /* Typing again clears the verdict, and a new password goes through. */
  kw_test_ui_type_text (kw_test_wizard_entry (page, 0), "x");
  g_assert_false (shows_invalid (get_row (page, 0)));
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (page), "The service refused"));
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);
  kw_test_wizard_assert_recovered (fixture, "jane");
}

static void
choose_connection (Fixture *fixture,
                   guint    position)
{
  AdwComboRow *row = ADW_COMBO_ROW (kw_test_ui_find_descendant (
    GTK_WIDGET (fixture->window->account_page), ADW_TYPE_COMBO_ROW, 0));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  adw_combo_row_set_selected (row, position);
}

/* Where the pool does not say whether an account exists, neither does the
 * app. */
static void
test_private_pool (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwDeliveryPage *page = fixture->window->delivery_page;
  KwConnection *connection;
  const char *code;

  choose_connection (fixture, 1);
  connection = kw_account_page_get_connection (fixture->window->account_page);
  g_assert_cmpstr (kw_connection_get_name (connection), ==, "Example Corp (Private)");

  /* Nobody by that name: the same answer as for anybody. */
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "nobody");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "If an account exists for “nobody”"));
  kw_test_ui_screenshot (GTK_WINDOW (fixture->window), "private-pool");
  g_assert_false (kw_test_ui_shows_text (GTK_WIDGET (page), "A code was sent"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.change-account", NULL);

  /* Somebody: still only "if". */
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), "jane");
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page again");
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "If an account exists for “jane”"));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (page), "j***@e***"));

  kw_test_wizard_press_next (fixture);
  kw_test_wizard_wait (fixture, kw_test_wizard_on_code_page, "the code page");
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  kw_test_wizard_enter_code (fixture, code);
  kw_test_wizard_enter_password (fixture, KW_TEST_NEW_PASSWORD);
  kw_test_wizard_assert_recovered (fixture, "jane");
}

int
main (int   argc,
      char *argv[])
{
  kw_test_wizard_init (&argc, &argv);

  kw_test_wizard_add ("/keyway/wizard/recover-by-email", test_recover_by_email);
  kw_test_wizard_add ("/keyway/wizard/recover-by-sms", test_recover_by_sms);
  kw_test_wizard_add ("/keyway/wizard/wrong-code", test_wrong_code);
  kw_test_wizard_add ("/keyway/wizard/focus-per-step", test_focus_per_step);
  kw_test_wizard_add ("/keyway/wizard/keyboard", test_keyboard);
  kw_test_wizard_add ("/keyway/wizard/resend-cooldown", test_resend_cooldown);
  kw_test_wizard_add ("/keyway/wizard/change-account", test_change_account);
  kw_test_wizard_add ("/keyway/wizard/code-malformed", test_code_malformed);
  kw_test_wizard_add ("/keyway/wizard/code-pasted", test_code_pasted);
  kw_test_wizard_add ("/keyway/wizard/password-rules", test_password_rules);
  kw_test_wizard_add ("/keyway/wizard/password-refused", test_password_refused);
  kw_test_wizard_add ("/keyway/wizard/private-pool", test_private_pool);

  return kw_test_wizard_run ();
}
