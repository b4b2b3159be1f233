/* test-wizard-errors.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connections-window.h"
#include "kw-memory-secret-store.h"

#include "kw-test-utils.h"
#include "kw-test-wizard.h"

#include <gtk/gtk.h>
#include <string.h>

/* The wizard's error dialogs, one class of failure at a time, each from
 * the demo's fake Cognito: the heading, what the text asks of the person,
 * the default response (the one Enter gives), and that pressing it does
 * what it says. Nothing that invites a retry when the answer is "wait". */

typedef KwWizardFixture Fixture;

static guint
count (Fixture    *fixture,
       const char *operation)
{
  return kw_fake_cognito_count_requests (fixture->fake, operation);
}

static const char *
body (KwErrorDialog *dialog)
{
  return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
}

static const char *
details (KwErrorDialog *dialog)
{
  GtkWidget *expander = kw_test_ui_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_EXPANDER, 0);

  g_assert_nonnull (expander);

  return gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (expander))));
}

static void
assert_no_retry (KwErrorDialog *dialog)
{
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (dialog), "Try Again"));
  g_assert_null (kw_test_ui_find_button (GTK_WIDGET (dialog), "Send a New Code"));
}

static void
send_code_for (Fixture    *fixture,
               const char *username)
{
  kw_test_ui_type_text (kw_test_wizard_entry (fixture->window->account_page, 0), username);
  kw_test_wizard_press_next (fixture);
}

/* After the dialog: back on the account page, ready for the next try. */
static void
assert_account_page_ready (Fixture    *fixture,
                           const char *username)
{
  GtkEditable *entry = kw_test_wizard_entry (fixture->window->account_page, 0);

  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, username);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (entry)));
  g_assert_true (kw_test_wizard_has_focus (fixture, entry));
  g_assert_true (kw_test_wizard_next_enabled (fixture));
}

/* The hourly limit of codes: waiting is the only thing to do. */
static void
test_limit_exceeded (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "LimitExceededException");
  send_code_for (fixture, "jane");

  dialog = kw_test_wizard_expect_dialog (fixture, "Too many codes requested", NULL);
  kw_test_ui_screenshot (GTK_WINDOW (dialog), "dialog-limit-exceeded");
  g_assert_nonnull (strstr (body (dialog), "Wait up to an hour"));
  assert_no_retry (dialog);
  g_assert_nonnull (strstr (details (dialog), "LimitExceededException"));
  /* Retrying by itself would only spend more of the limit. */
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);

  kw_test_wizard_answer_dialog (fixture, dialog, "Close");
  assert_account_page_ready (fixture, "jane");
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);
}

/* The same limit met by "Resend Code" on the delivery page. */
static void
test_resend_limit_exceeded (Fixture       *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *resend_button;
  KwErrorDialog *dialog;

  kw_test_wizard_set_cooldown (fixture, 0);
  send_code_for (fixture, "jane");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "LimitExceededException");
  resend_button = kw_test_ui_find_button (GTK_WIDGET (fixture->window->delivery_page),
                                          "Resend Code");
  kw_test_ui_press (resend_button);

  dialog = kw_test_wizard_expect_dialog (fixture, "Too many codes requested", NULL);
  assert_no_retry (dialog);
  kw_test_wizard_answer_dialog (fixture, dialog, "Close");

  /* The code sent before may still arrive: the step stays. */
  g_assert_true (kw_test_wizard_on_delivery_page (fixture));
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
}

static gboolean
new_code_enabled (gpointer dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                  KW_ERROR_DIALOG_RESPONSE_ACTION);
}

static void
test_expired_code (Fixture       *fixture,
                   gconstpointer  user_data)
{
  KwPasswordPage *password_page = fixture->window->password_page;
  KwErrorDialog *dialog;
  const char *code;

  /* A second stands for the minute before a new code may be asked for. */
  kw_test_wizard_set_cooldown (fixture, 1);
  kw_test_wizard_reach_change (fixture, "jane", "j***@e***");

  kw_fake_cognito_queue_fault (fixture->fake, "ConfirmForgotPassword", KW_FAKE_FAULT_ERROR,
                               "ExpiredCodeException");
  kw_test_wizard_press_next (fixture);

  dialog = kw_test_wizard_expect_dialog (fixture, "Code no longer valid", "Send a New Code");
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  /* Not before the service would take it. */
  g_assert_false (new_code_enabled (dialog));
  kw_test_ui_wait_until (new_code_enabled, dialog, "Send a New Code to be enabled");

  kw_test_wizard_answer_dialog (fixture, dialog, "Send a New Code");
  kw_test_wizard_wait (fixture, kw_test_wizard_idle, "the new code");
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
  g_assert_null (kw_test_wizard_find_dialog ());

  /* The new code, in the inbox; an empty field to type it in. */
  g_assert_true (kw_test_wizard_on_code_page (fixture));
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  g_assert_nonnull (strstr (gtk_label_get_text (fixture->window->inbox_label), code));
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (fixture->window->code_page, 0)),
                   ==, "");

  /* The password typed before is kept. */
  kw_test_wizard_enter_code (fixture, code);
  g_assert_cmpstr (gtk_editable_get_text (kw_test_wizard_entry (password_page, 0)), ==,
                   KW_TEST_NEW_PASSWORD);
  kw_test_wizard_press_next (fixture);
  kw_test_wizard_assert_recovered (fixture, "jane");
}

static void
test_user_not_found (Fixture       *fixture,
                     gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  send_code_for (fixture, "nobody");

  dialog = kw_test_wizard_expect_dialog (fixture, "Unknown username", "Change Username");
  g_assert_nonnull (strstr (body (dialog), "No account has this username"));
  g_assert_nonnull (strstr (details (dialog), "UserNotFoundException"));
  g_assert_nonnull (strstr (details (dialog), "Request ID: "));

  kw_test_wizard_answer_dialog (fixture, dialog, "Change Username");
  assert_account_page_ready (fixture, "nobody");
}

/* Where the pool does not tell whether accounts exist, the dialog does
 * not either, even when the service slips. */
static void
test_user_not_found_private (Fixture       *fixture,
                             gconstpointer  user_data)
{
  AdwComboRow *row = ADW_COMBO_ROW (kw_test_ui_find_descendant (
    GTK_WIDGET (fixture->window->account_page), ADW_TYPE_COMBO_ROW, 0));
  KwErrorDialog *dialog;

  adw_combo_row_set_selected (row, 1);
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "UserNotFoundException");
  send_code_for (fixture, "nobody");

  /* Even the technical details answer as such a pool does, for a known
   * account that may not reset. */
  dialog = kw_test_wizard_expect_dialog (fixture, "Code could not be sent", "Change Username");
  g_assert_nonnull (strstr (body (dialog), "If an account with this username exists"));
  g_assert_null (strstr (body (dialog), "No account"));
  g_assert_null (strstr (details (dialog), "UserNotFound"));
  g_assert_nonnull (strstr (details (dialog), "NotAuthorizedException"));

  kw_test_wizard_answer_dialog (fixture, dialog, "Change Username");
  assert_account_page_ready (fixture, "nobody");
}

static char *
read_clipboard (GtkWidget *widget)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  char *text;

  gdk_clipboard_read_text_async (clipboard, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  text = gdk_clipboard_read_text_finish (clipboard, result, &error);
  g_assert_no_error (error);

  return text;
}

/* Only the administrator can help: the dialog offers what to send them. */
static void
assert_copies_details (Fixture    *fixture,
                       const char *heading,
                       const char *error_name)
{
  g_autofree char *copied = NULL;
  KwErrorDialog *dialog;

  dialog = kw_test_wizard_expect_dialog (fixture, heading, "Copy Details");
  kw_test_ui_screenshot (GTK_WINDOW (dialog), "dialog-copy-details");
  g_assert_nonnull (strstr (body (dialog), "administrator"));
  assert_no_retry (dialog);

  kw_test_wizard_answer_dialog (fixture, dialog, "Copy Details");

  copied = read_clipboard (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (copied, heading));
  g_assert_nonnull (strstr (copied, error_name));
  g_assert_nonnull (strstr (copied, "Request ID: "));
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (fixture->window->toast_overlay),
                                        "Details copied"));
  assert_account_page_ready (fixture, gtk_editable_get_text (
    kw_test_wizard_entry (fixture->window->account_page, 0)));
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);
}

static void
test_disabled_user (Fixture       *fixture,
                    gconstpointer  user_data)
{
  send_code_for (fixture, "robin");
  assert_copies_details (fixture, "Password reset not allowed", "NotAuthorizedException");
}

static void
test_no_verified_contact (Fixture       *fixture,
                          gconstpointer  user_data)
{
  send_code_for (fixture, "casey");
  assert_copies_details (fixture, "No way to send a code", "InvalidParameterException");
}

/* The service's rate limit: wait half a minute, with the time said. */
static void
test_too_many_requests (Fixture       *fixture,
                        gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  kw_test_wizard_warm_up (fixture);
  /* The client tries three times before it gives up. */
  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                                 "TooManyRequestsException");
  kw_test_wizard_press_next (fixture);

  dialog = kw_test_wizard_expect_dialog (fixture, "Service busy", NULL);
  g_assert_nonnull (strstr (body (dialog), "Wait half a minute"));
  g_assert_nonnull (strstr (body (dialog), "You can try again after "));
  assert_no_retry (dialog);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1 + 3);

  kw_test_wizard_answer_dialog (fixture, dialog, "Close");
  assert_account_page_ready (fixture, "jane");
}

/* Try Again repeats the request, and the next answer goes on. */
static void
assert_try_again (Fixture    *fixture,
                  const char *heading,
                  const char *detail,
                  guint       requests)
{
  KwErrorDialog *dialog;

  dialog = kw_test_wizard_expect_dialog (fixture, heading, "Try Again");
  if (detail != NULL)
    g_assert_nonnull (strstr (details (dialog), detail));
  g_assert_true (kw_test_wizard_on_account_page (fixture));
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, requests);

  kw_test_wizard_answer_dialog (fixture, dialog, "Try Again");
  kw_test_wizard_wait (fixture, kw_test_wizard_on_delivery_page, "the delivery page");
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, requests + 1);
  g_assert_null (kw_test_wizard_find_dialog ());
}

/* A proxy's error page instead of the service's answer. */
static void
test_server_error_page (Fixture       *fixture,
                        gconstpointer  user_data)
{
  kw_test_wizard_warm_up (fixture);
  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_HTML_STATUS,
                                 "503");
  kw_test_wizard_press_next (fixture);

  assert_try_again (fixture, "Service unavailable", "HTTP status: 503", 1 + 3);
}

static void
test_dropped_connection (Fixture       *fixture,
                         gconstpointer  user_data)
{
  kw_test_wizard_warm_up (fixture);
  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DROP, NULL);
  kw_test_wizard_press_next (fixture);

  assert_try_again (fixture, "Connection interrupted", NULL, 1 + 3);
}

static void
test_garbled_answer (Fixture       *fixture,
                     gconstpointer  user_data)
{
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_GARBLE, NULL);
  send_code_for (fixture, "jane");

  assert_try_again (fixture, "Unexpected answer", NULL, 1);
}

/* No answer in time (one second here; thirty in the app). */
static void
test_timeout (Fixture       *fixture,
              gconstpointer  user_data)
{
  kw_test_wizard_warm_up (fixture);
  kw_test_wizard_tune_client (fixture, 1);
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DELAY, "3000");
  kw_test_wizard_press_next (fixture);

  assert_try_again (fixture, "No answer", NULL, 1 + 1);
}

/* The connection is at fault, not the person or the network. */
static void
test_configuration (Fixture       *fixture,
                    gconstpointer  user_data)
{
  KwErrorDialog *dialog;

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "ResourceNotFoundException");
  send_code_for (fixture, "jane");

  /* The demo's connections live in memory, not in the Connections
   * window: nothing there to open. */
  dialog = kw_test_wizard_expect_dialog (fixture, "Unknown user pool or app client", NULL);
  g_assert_nonnull (strstr (body (dialog), "connection settings"));
  assert_no_retry (dialog);
  kw_test_wizard_answer_dialog (fixture, dialog, "Close");
  assert_account_page_ready (fixture, "jane");
}

static KwConnection *
copy_connection (KwConnection *demo_connection,
                 const char   *id,
                 const char   *name)
{
  return g_object_new (KW_TYPE_CONNECTION,
                       "id", id,
                       "name", name,
                       "region", kw_connection_get_region (demo_connection),
                       "client-id", kw_connection_get_client_id (demo_connection),
                       "user-pool-id", kw_connection_get_user_pool_id (demo_connection),
                       "endpoint-url", kw_connection_get_endpoint_url (demo_connection),
                       "origin", KW_CONNECTION_ORIGIN_USER,
                       NULL);
}

static void
store_connection (KwConnectionStore *store,
                  KwConnection      *connection)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_connection_store_add_async (store, connection, FALSE, NULL, kw_test_store_result_cb,
                                 &result);
  kw_test_wait_result (&result);
  kw_connection_store_add_finish (store, result, &error);
  g_assert_no_error (error);
}

static gboolean
connections_window_shown (Fixture *fixture)
{
  return kw_test_ui_find_toplevel (KW_TYPE_CONNECTIONS_WINDOW) != NULL;
}

/* A connection of the person's own (not the demo's, which live in
 * memory): "Connection Settings" opens the Connections window. */
static void
test_configuration_settings (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(KwConnectionStore) store = kw_connection_store_new (NULL, NULL);
  g_autoptr(KwSecretStore) secrets = kw_memory_secret_store_new ();
  g_autoptr(KwFakeCognito) fake = g_object_ref (fixture->fake);
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *connections_window;
  KwErrorDialog *dialog;

  /* Stores in this case's own folders. */
  kw_connection_store_load (store, &error);
  g_assert_no_error (error);
  kw_application_set_stores (fixture->application, store, secrets);

  /* The same pool, through a saved connection; the fake outlives the
   * demo for it. */
  connection = copy_connection (kw_account_page_get_connection (fixture->window->account_page),
                                "corp", "Corp");
  store_connection (store, connection);
  kw_application_stop_demo (fixture->application);
  g_assert_cmpstr (kw_connection_get_name (
                     kw_account_page_get_connection (fixture->window->account_page)), ==, "Corp");

  kw_fake_cognito_queue_fault (fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "ResourceNotFoundException");
  send_code_for (fixture, "jane");

  dialog = kw_test_wizard_expect_dialog (fixture, "Unknown user pool or app client",
                                         "Connection Settings");
  kw_test_wizard_answer_dialog (fixture, dialog, "Connection Settings");
  kw_test_wizard_wait (fixture, connections_window_shown, "the Connections window");

  connections_window = kw_test_ui_find_toplevel (KW_TYPE_CONNECTIONS_WINDOW);
  g_assert_true (kw_test_ui_shows_text (GTK_WIDGET (connections_window), "Corp"));
  gtk_window_destroy (connections_window);
}

int
main (int   argc,
      char *argv[])
{
  kw_test_wizard_init (&argc, &argv);

  kw_test_wizard_add ("/keyway/wizard-errors/limit-exceeded", test_limit_exceeded);
  kw_test_wizard_add ("/keyway/wizard-errors/resend-limit-exceeded", test_resend_limit_exceeded);
  kw_test_wizard_add ("/keyway/wizard-errors/expired-code", test_expired_code);
  kw_test_wizard_add ("/keyway/wizard-errors/user-not-found", test_user_not_found);
  kw_test_wizard_add ("/keyway/wizard-errors/user-not-found-private",
                      test_user_not_found_private);
  kw_test_wizard_add ("/keyway/wizard-errors/disabled-user", test_disabled_user);
  kw_test_wizard_add ("/keyway/wizard-errors/no-verified-contact", test_no_verified_contact);
  kw_test_wizard_add ("/keyway/wizard-errors/too-many-requests", test_too_many_requests);
  kw_test_wizard_add ("/keyway/wizard-errors/server-error-page", test_server_error_page);
  kw_test_wizard_add ("/keyway/wizard-errors/dropped-connection", test_dropped_connection);
  kw_test_wizard_add ("/keyway/wizard-errors/garbled-answer", test_garbled_answer);
  kw_test_wizard_add ("/keyway/wizard-errors/timeout", test_timeout);
  kw_test_wizard_add ("/keyway/wizard-errors/configuration", test_configuration);
  kw_test_wizard_add ("/keyway/wizard-errors/configuration-settings",
                      test_configuration_settings);

  return kw_test_wizard_run ();
}
