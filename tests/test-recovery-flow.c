/* test-recovery-flow.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-error.h"
#include "kw-connection.h"
#include "kw-fake-cognito.h"
#include "kw-memory-secret-store.h"
#include "kw-recovery-flow.h"
#include "kw-secret-hash.h"
#include "kw-test-fake.h"
#include "kw-test-utils.h"

#include <string.h>

#define NEW_PASSWORD "Brand-New-Passw0rd!"
#define MASKED_EMAIL "^.\\*\\*\\*@.\\*\\*\\*$"
/* How long the fake holds back a slow answer. */
#define HELD_MS 300
#define HELD G_STRINGIFY (HELD_MS)

typedef struct
{
  KwFakeCognito  *fake;
  KwSecretStore  *secrets;
  KwConnection   *connection;
  KwRecoveryFlow *flow;
  GArray         *states;          /* every state notified, in order */
  guint           busy_notifies;
  guint           can_resend_notifies;
} Fixture;

static KwConnection *
new_connection (KwFakeCognito *fake,
                const char    *client_id)
{
  return g_object_new (KW_TYPE_CONNECTION,
                       "id", "test",
                       "name", "Test",
                       "region", "us-east-1",
                       "client-id", client_id,
                       "endpoint-url", kw_fake_cognito_get_url (fake),
                       "has-client-secret", g_str_equal (client_id, TEST_SECRET_CLIENT),
                       "prevent-user-existence-errors", g_str_equal (client_id, TEST_HIDDEN_CLIENT),
                       NULL);
}

static void
state_notify_cb (KwRecoveryFlow *flow,
                 GParamSpec     *pspec,
                 Fixture        *fixture)
{
  KwRecoveryState state = kw_recovery_flow_get_state (flow);

  g_array_append_val (fixture->states, state);
}

static void
count_notify_cb (KwRecoveryFlow *flow,
                 GParamSpec     *pspec,
                 guint          *count)
{
  (*count)++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  const char *client_id = data != NULL ? data : TEST_CLIENT;

  fixture->fake = kw_test_fake_new ();
  fixture->secrets = kw_memory_secret_store_new ();
  fixture->connection = new_connection (fixture->fake, client_id);
  fixture->flow = kw_recovery_flow_new (fixture->connection, fixture->secrets);
  kw_recovery_flow_set_username (fixture->flow, "jane");
  fixture->states = g_array_new (FALSE, FALSE, sizeof (KwRecoveryState));

  g_signal_connect (fixture->flow, "notify::state", G_CALLBACK (state_notify_cb), fixture);
  g_signal_connect (fixture->flow, "notify::busy", G_CALLBACK (count_notify_cb),
                    &fixture->busy_notifies);
  g_signal_connect (fixture->flow, "notify::can-resend", G_CALLBACK (count_notify_cb),
                    &fixture->can_resend_notifies);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* A cooldown still running must not keep the flow alive. */
  g_assert_finalize_object (fixture->flow);
  g_object_unref (fixture->connection);
  g_object_unref (fixture->secrets);
  g_assert_finalize_object (fixture->fake);
  g_array_unref (fixture->states);
}

/* Synchronous wrappers: each runs the main context until its call is done. */

static gboolean
request_code (KwRecoveryFlow  *flow,
              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_recovery_flow_request_code_async (flow, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_recovery_flow_request_code_finish (flow, result, error);
}

static gboolean
resend_code (KwRecoveryFlow  *flow,
             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_recovery_flow_resend_code_async (flow, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_recovery_flow_resend_code_finish (flow, result, error);
}

static gboolean
confirm (KwRecoveryFlow  *flow,
         const char      *code,
         const char      *password,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kw_recovery_flow_confirm_async (flow, code, password, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  return kw_recovery_flow_confirm_finish (flow, result, error);
}

static void
request_code_ok (KwRecoveryFlow *flow)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (request_code (flow, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_recovery_flow_get_state (flow), ==, KW_RECOVERY_STATE_CODE_SENT);
}

/* A code the fake did not send: its last one with the first digit changed. */
static char *
wrong_code (const char *code)
{
  char *wrong = g_strdup (code);

  wrong[0] = wrong[0] == '9' ? '0' : wrong[0] + 1;
  return wrong;
}

static guint
count (Fixture    *fixture,
       const char *operation)
{
  return kw_fake_cognito_count_requests (fixture->fake, operation);
}

static void
wait_for_request (Fixture    *fixture,
                  const char *operation,
                  guint       n)
{
  while (count (fixture, operation) < n)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The fake keeps holding an answer its client gave up on, and does not stop
 * that timer when it goes away: let it answer while it is still there. */
static void
wait_held_answer (void)
{
  gboolean done = FALSE;

  g_timeout_add (HELD_MS + 50, set_flag_cb, &done);
  kw_test_wait_for (&done);
}

static void
assert_states (Fixture *fixture,
               ...)
{
  va_list args;
  guint i = 0;
  int state;

  va_start (args, fixture);
  while ((state = va_arg (args, int)) != -1)
    {
      g_assert_cmpuint (i, <, fixture->states->len);
      g_assert_cmpint (g_array_index (fixture->states, KwRecoveryState, i), ==, state);
      i++;
    }
  va_end (args);

  g_assert_cmpuint (fixture->states->len, ==, i);
  g_array_set_size (fixture->states, 0);
}

static void
assert_action (KwRecoveryFlow *flow,
               KwUserAction    action)
{
  g_assert_cmpint (kw_recovery_flow_get_state (flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_nonnull (kw_recovery_flow_get_error (flow));
  g_assert_nonnull (kw_recovery_flow_get_message (flow));
  g_assert_cmpint (kw_user_message_get_action (kw_recovery_flow_get_message (flow)), ==, action);
}

/* Everything a person could read about the failure. */
static char *
dup_message_text (KwUserMessage *message)
{
  g_autofree char *details = kw_user_message_dup_details (message);
  g_autofree char *text = g_strjoin ("\n", kw_user_message_get_title (message),
                                     kw_user_message_get_body (message),
                                     details != NULL ? details : "", NULL);

  return g_utf8_strdown (text, -1);
}

static void
assert_no_failure (Fixture *fixture)
{
  g_assert_null (kw_recovery_flow_get_error (fixture->flow));
  g_assert_null (kw_recovery_flow_get_message (fixture->flow));
}

static void
test_whole_flow (Fixture       *fixture,
                 gconstpointer  data)
{
  const KwCodeDeliveryDetails *delivery;
  g_autoptr(GError) error = NULL;
  const char *code;

  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  g_assert_cmpuint (kw_recovery_flow_get_cooldown (fixture->flow), ==,
                    KW_RECOVERY_DEFAULT_COOLDOWN_SECONDS);
  g_assert_null (kw_recovery_flow_get_delivery (fixture->flow));

  request_code_ok (fixture->flow);
  delivery = kw_recovery_flow_get_delivery (fixture->flow);
  g_assert_nonnull (delivery);
  g_assert_cmpstr (delivery->destination, ==, "j***@e***");
  g_assert_cmpint (delivery->medium, ==, KW_DELIVERY_MEDIUM_EMAIL);
  g_assert_cmpstr (delivery->attribute_name, ==, "email");
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);
  g_assert_nonnull (kw_recovery_flow_get_resend_available_at (fixture->flow));
  /* The default cooldown is running. */
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  assert_states (fixture, KW_RECOVERY_STATE_REQUESTING_CODE, KW_RECOVERY_STATE_CODE_SENT, -1);
  g_assert_cmpuint (fixture->busy_notifies, ==, 2);

  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");
  g_assert_nonnull (code);
  g_assert_true (confirm (fixture->flow, code, NEW_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_DONE);
  g_assert_cmpuint (kw_recovery_flow_get_confirms (fixture->flow), ==, 1);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, NEW_PASSWORD);
  assert_states (fixture, KW_RECOVERY_STATE_CONFIRMING, KW_RECOVERY_STATE_DONE, -1);
  g_assert_cmpuint (fixture->busy_notifies, ==, 4);
  assert_no_failure (fixture);

  /* Done is done: nothing more is sent until a reset. */
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_false (confirm (fixture->flow, code, NEW_PASSWORD, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  assert_states (fixture, -1);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);
  g_assert_cmpuint (count (fixture, "ConfirmForgotPassword"), ==, 1);

  kw_recovery_flow_reset (fixture->flow);
  assert_states (fixture, KW_RECOVERY_STATE_IDLE, -1);
  g_assert_null (kw_recovery_flow_get_delivery (fixture->flow));
  g_assert_cmpstr (kw_recovery_flow_get_username (fixture->flow), ==, "jane");
  request_code_ok (fixture->flow);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 2);
}

/* A person on the SMS channel sees the masked phone number. */
static void
test_sms_delivery (Fixture       *fixture,
                   gconstpointer  data)
{
  const KwCodeDeliveryDetails *delivery;

  kw_recovery_flow_set_username (fixture->flow, "sam");
  request_code_ok (fixture->flow);
  delivery = kw_recovery_flow_get_delivery (fixture->flow);
  g_assert_cmpstr (delivery->destination, ==, "+*******0123");
  g_assert_cmpint (delivery->medium, ==, KW_DELIVERY_MEDIUM_SMS);
}

static void
refused_cb (KwRecoveryFlow *flow,
            GParamSpec     *pspec,
            gpointer        user_data)
{
  g_assert_not_reached ();
}

/* The flow's refusals send nothing and change nothing. */
static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gulong handler;

  handler = g_signal_connect (fixture->flow, "notify", G_CALLBACK (refused_cb), NULL);

  g_assert_false (confirm (fixture->flow, "123456", NEW_PASSWORD, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE);
  g_clear_error (&error);

  g_assert_false (resend_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE);
  g_clear_error (&error);

  g_signal_handler_disconnect (fixture->flow, handler);
  kw_recovery_flow_set_username (fixture->flow, "");
  handler = g_signal_connect (fixture->flow, "notify", G_CALLBACK (refused_cb), NULL);
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_NO_USERNAME);
  g_clear_error (&error);

  g_signal_handler_disconnect (fixture->flow, handler);
  kw_recovery_flow_set_username (fixture->flow, NULL);
  handler = g_signal_connect (fixture->flow, "notify", G_CALLBACK (refused_cb), NULL);
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_NO_USERNAME);
  g_clear_error (&error);
  g_signal_handler_disconnect (fixture->flow, handler);

  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  g_assert_cmpuint (count (fixture, NULL), ==, 0);
  assert_no_failure (fixture);
}

static void
test_resend_cooldown (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first_available = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *first_code = NULL;
  GTimeSpan ahead;

  kw_recovery_flow_set_cooldown (fixture->flow, 1);
  request_code_ok (fixture->flow);
  first_code = g_strdup (kw_fake_cognito_get_last_code (fixture->fake, "jane"));

  now = g_date_time_new_now_local ();
  first_available = g_date_time_ref (kw_recovery_flow_get_resend_available_at (fixture->flow));
  ahead = g_date_time_difference (first_available, now);
  g_assert_cmpint (ahead, >, 0);
  g_assert_cmpint (ahead, <=, G_USEC_PER_SEC);
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));

  /* Too early, whichever way it is asked. */
  g_assert_false (resend_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_COOLDOWN);
  g_clear_error (&error);
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_COOLDOWN);
  g_clear_error (&error);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_CODE_SENT);

  /* can-resend turns TRUE by itself when the cooldown ends. */
  g_assert_cmpuint (fixture->can_resend_notifies, ==, 0);
  while (fixture->can_resend_notifies == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kw_recovery_flow_get_can_resend (fixture->flow));
  g_date_time_unref (now);
  now = g_date_time_new_now_local ();
  g_assert_cmpint (g_date_time_compare (now, first_available), >=, 0);

  g_assert_true (resend_code (fixture->flow, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 2);
  /* A new cooldown started with the new code. */
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  g_assert_cmpint (g_date_time_compare (kw_recovery_flow_get_resend_available_at (fixture->flow),
                                        first_available), >, 0);

  /* The new code replaced the old one. */
  g_assert_false (confirm (fixture->flow, first_code, NEW_PASSWORD, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_clear_error (&error);
  g_assert_true (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                          NEW_PASSWORD, &error));
  g_assert_no_error (error);
}

static void
test_no_cooldown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_cooldown (fixture->flow, 0);
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  request_code_ok (fixture->flow);
  g_assert_true (kw_recovery_flow_get_can_resend (fixture->flow));
  g_assert_cmpuint (fixture->can_resend_notifies, ==, 1);
  g_assert_true (resend_code (fixture->flow, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
}

static void
test_busy_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_cooldown (fixture->flow, 0);
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DELAY, HELD);
  kw_recovery_flow_request_code_async (fixture->flow, NULL, kw_test_store_result_cb, &first);
  g_assert_true (kw_recovery_flow_get_busy (fixture->flow));
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==,
                   KW_RECOVERY_STATE_REQUESTING_CODE);

  /* Every method is refused while the first request runs. */
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (resend_code (fixture->flow, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (confirm (fixture->flow, "123456", NEW_PASSWORD, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_null (first);
  g_assert_true (kw_recovery_flow_get_busy (fixture->flow));

  kw_test_wait_result (&first);
  g_assert_true (kw_recovery_flow_request_code_finish (fixture->flow, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_CODE_SENT);
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 1);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);
  assert_states (fixture, KW_RECOVERY_STATE_REQUESTING_CODE, KW_RECOVERY_STATE_CODE_SENT, -1);
}

static void
test_cancel_request (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Already cancelled: nothing happens at all. */
  g_cancellable_cancel (cancelled);
  kw_recovery_flow_request_code_async (fixture->flow, cancelled, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_assert_false (kw_recovery_flow_request_code_finish (fixture->flow, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  assert_states (fixture, -1);

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DELAY, HELD);
  kw_recovery_flow_request_code_async (fixture->flow, cancellable, kw_test_store_result_cb,
                                       &result);
  wait_for_request (fixture, "ForgotPassword", 1);
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  g_assert_false (kw_recovery_flow_request_code_finish (fixture->flow, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Where it was, with nothing to complain about; no answer came, so the
   * request is not counted. */
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  g_assert_false (kw_recovery_flow_get_busy (fixture->flow));
  assert_no_failure (fixture);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 0);
  assert_states (fixture, KW_RECOVERY_STATE_REQUESTING_CODE, KW_RECOVERY_STATE_IDLE, -1);

  request_code_ok (fixture->flow);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);
  wait_held_answer ();
}

static void
test_cancel_confirm (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = NULL;

  request_code_ok (fixture->flow);
  g_array_set_size (fixture->states, 0);

  /* Cancelling from FAILED goes back to the code sent, not to a failure
   * with nothing to show. */
  wrong = wrong_code (kw_fake_cognito_get_last_code (fixture->fake, "jane"));
  g_assert_false (confirm (fixture->flow, wrong, NEW_PASSWORD, NULL));
  assert_action (fixture->flow, KW_USER_ACTION_EDIT_CODE);

  /* The held-back confirm carries a wrong code too, so that if the fake
   * still answers it later it cannot use up the right one. */
  kw_fake_cognito_queue_fault (fixture->fake, "ConfirmForgotPassword", KW_FAKE_FAULT_DELAY,
                               HELD);
  kw_recovery_flow_confirm_async (fixture->flow, wrong, NEW_PASSWORD, cancellable,
                                  kw_test_store_result_cb, &result);
  wait_for_request (fixture, "ConfirmForgotPassword", 1);
  g_cancellable_cancel (cancellable);
  kw_test_wait_result (&result);
  g_assert_false (kw_recovery_flow_confirm_finish (fixture->flow, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_CODE_SENT);
  g_assert_nonnull (kw_recovery_flow_get_delivery (fixture->flow));
  assert_no_failure (fixture);
  assert_states (fixture, KW_RECOVERY_STATE_CONFIRMING, KW_RECOVERY_STATE_FAILED,
                 KW_RECOVERY_STATE_CONFIRMING, KW_RECOVERY_STATE_CODE_SENT, -1);

  g_assert_true (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                          NEW_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_DONE);
  wait_held_answer ();
}

/* Resetting while a request runs cancels it and returns to IDLE at once. */
static void
test_reset_mid_request (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DELAY, HELD);
  kw_recovery_flow_request_code_async (fixture->flow, NULL, kw_test_store_result_cb, &result);
  wait_for_request (fixture, "ForgotPassword", 1);

  kw_recovery_flow_reset (fixture->flow);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  g_assert_false (kw_recovery_flow_get_busy (fixture->flow));
  assert_states (fixture, KW_RECOVERY_STATE_REQUESTING_CODE, KW_RECOVERY_STATE_IDLE, -1);
  g_assert_cmpuint (fixture->busy_notifies, ==, 2);

  kw_test_wait_result (&result);
  g_assert_false (kw_recovery_flow_request_code_finish (fixture->flow, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  assert_no_failure (fixture);
  assert_states (fixture, -1);

  request_code_ok (fixture->flow);
  wait_held_answer ();
}

static void
test_username_edit (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_cooldown (fixture->flow, 0);
  request_code_ok (fixture->flow);
  g_assert_true (kw_recovery_flow_get_can_resend (fixture->flow));
  g_array_set_size (fixture->states, 0);

  /* The same name changes nothing. */
  kw_recovery_flow_set_username (fixture->flow, "jane");
  assert_states (fixture, -1);

  kw_recovery_flow_set_username (fixture->flow, "sam");
  assert_states (fixture, KW_RECOVERY_STATE_IDLE, -1);
  g_assert_null (kw_recovery_flow_get_delivery (fixture->flow));
  g_assert_null (kw_recovery_flow_get_resend_available_at (fixture->flow));
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  g_assert_false (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                           NEW_PASSWORD, &error));
  g_assert_error (error, KW_RECOVERY_ERROR, KW_RECOVERY_ERROR_WRONG_STATE);
  g_clear_error (&error);

  /* An edit during a request abandons it: its answer is for the old name. */
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DELAY, HELD);
  kw_recovery_flow_request_code_async (fixture->flow, NULL, kw_test_store_result_cb, &result);
  wait_for_request (fixture, "ForgotPassword", 2);
  kw_recovery_flow_set_username (fixture->flow, "zoë");
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  kw_test_wait_result (&result);
  g_assert_false (kw_recovery_flow_request_code_finish (fixture->flow, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);

  request_code_ok (fixture->flow);
  g_assert_cmpstr (kw_recovery_flow_get_delivery (fixture->flow)->destination, ==, "z***@e***");
  wait_held_answer ();
}

/* The hiding pool answers an unknown user as if a code went out; the flow
 * must look exactly as it does for a real user. */
static void
test_hidden_unknown_user (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KwRecoveryFlow) known = kw_recovery_flow_new (fixture->connection, fixture->secrets);
  const KwCodeDeliveryDetails *unknown_delivery;
  const KwCodeDeliveryDetails *known_delivery;
  g_autofree char *wrong = NULL;
  g_autofree char *unknown_text = NULL;
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_username (fixture->flow, "nobody");
  kw_recovery_flow_set_username (known, "jane");
  request_code_ok (fixture->flow);
  request_code_ok (known);

  unknown_delivery = kw_recovery_flow_get_delivery (fixture->flow);
  known_delivery = kw_recovery_flow_get_delivery (known);
  g_assert_true (g_regex_match_simple (MASKED_EMAIL, unknown_delivery->destination, 0, 0));
  g_assert_true (g_regex_match_simple (MASKED_EMAIL, known_delivery->destination, 0, 0));
  g_assert_cmpstr (unknown_delivery->delivery_medium, ==, known_delivery->delivery_medium);
  g_assert_cmpstr (unknown_delivery->attribute_name, ==, known_delivery->attribute_name);
  g_assert_cmpint (unknown_delivery->medium, ==, known_delivery->medium);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==,
                    kw_recovery_flow_get_sends (known));
  g_assert_cmpint (kw_recovery_flow_get_can_resend (fixture->flow), ==,
                   kw_recovery_flow_get_can_resend (known));
  assert_no_failure (fixture);

  /* A wrong code reads the same for both. */
  wrong = wrong_code (kw_fake_cognito_get_last_code (fixture->fake, "jane"));
  g_assert_false (confirm (fixture->flow, wrong, NEW_PASSWORD, &error));
  g_clear_error (&error);
  g_assert_false (confirm (known, wrong, NEW_PASSWORD, &error));
  g_clear_error (&error);
  assert_action (fixture->flow, KW_USER_ACTION_EDIT_CODE);
  assert_action (known, KW_USER_ACTION_EDIT_CODE);
  g_assert_cmpint (kw_recovery_flow_get_error (fixture->flow)->code, ==,
                   kw_recovery_flow_get_error (known)->code);
  g_assert_cmpstr (kw_user_message_get_title (kw_recovery_flow_get_message (fixture->flow)), ==,
                   kw_user_message_get_title (kw_recovery_flow_get_message (known)));
  g_assert_cmpstr (kw_user_message_get_body (kw_recovery_flow_get_message (fixture->flow)), ==,
                   kw_user_message_get_body (kw_recovery_flow_get_message (known)));
  unknown_text = dup_message_text (kw_recovery_flow_get_message (fixture->flow));
  g_assert_null (strstr (unknown_text, "not found"));
  g_assert_null (strstr (unknown_text, "usernotfound"));

  g_assert_finalize_object (g_steal_pointer (&known));
}

static void
assert_neutral (KwUserMessage *message)
{
  g_autofree char *text = dup_message_text (message);

  g_assert_null (strstr (text, "does not exist"));
  g_assert_null (strstr (text, "doesn't exist"));
  g_assert_null (strstr (text, "doesn’t exist"));
  g_assert_null (strstr (text, "not found"));
  g_assert_null (strstr (text, "notfound"));
  g_assert_null (strstr (text, "no account"));
  g_assert_null (strstr (text, "unknown user"));
}

/* The other behaviour of a hiding pool: a generic NotAuthorized. And a
 * UserNotFound the pool should not have sent is told the same way. */
static void
test_hidden_not_authorized (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *generic_title = NULL;
  g_autofree char *generic_body = NULL;
  KwUserMessage *message;

  kw_recovery_flow_set_username (fixture->flow, "nobody");
  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "NotAuthorizedException");
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_null (kw_recovery_flow_get_delivery (fixture->flow));
  message = kw_recovery_flow_get_message (fixture->flow);
  g_assert_nonnull (message);
  assert_neutral (message);
  generic_title = g_strdup (kw_user_message_get_title (message));
  generic_body = g_strdup (kw_user_message_get_body (message));
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_ERROR,
                               "UserNotFoundException");
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);
  g_assert_error ((GError *) kw_recovery_flow_get_error (fixture->flow), KW_COGNITO_ERROR,
                  KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_assert_cmpstr (kw_cognito_error_get_name (kw_recovery_flow_get_error (fixture->flow)), ==,
                   "NotAuthorizedException");
  message = kw_recovery_flow_get_message (fixture->flow);
  assert_neutral (message);
  g_assert_cmpstr (kw_user_message_get_title (message), ==, generic_title);
  g_assert_cmpstr (kw_user_message_get_body (message), ==, generic_body);
}

/* A pool that does not hide users says so, and the flow passes it on. */
static void
test_unknown_user (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_username (fixture->flow, "nobody");
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_false (kw_recovery_flow_get_can_resend (fixture->flow));
  g_assert_null (kw_recovery_flow_get_resend_available_at (fixture->flow));

  /* Editing the username from FAILED starts over cleanly. */
  kw_recovery_flow_set_username (fixture->flow, "jane");
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_IDLE);
  assert_no_failure (fixture);
  request_code_ok (fixture->flow);
}

static void
store_secret (KwSecretStore *secrets)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client ("us-east-1",
                                                                      TEST_SECRET_CLIENT);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  kw_secret_store_store_async (secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes, "Test",
                               TEST_CLIENT_SECRET, NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  g_assert_true (kw_secret_store_store_finish (secrets, result, &error));
  g_assert_no_error (error);
}

static void
test_secret_from_store (Fixture       *fixture,
                        gconstpointer  data)
{
  KwFakeRequest *request;
  g_autofree char *hash = kw_secret_hash_compute (TEST_CLIENT_SECRET, "jane", TEST_SECRET_CLIENT);

  store_secret (fixture->secrets);
  request_code_ok (fixture->flow);

  request = g_ptr_array_index (kw_fake_cognito_get_requests (fixture->fake), 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (request->body, NULL),
                                  g_bytes_get_size (request->body), hash));

  g_assert_true (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                          NEW_PASSWORD, NULL));
}

static void
test_secret_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_CONNECTION_ERROR, KW_CONNECTION_ERROR_SECRET_MISSING);
  g_clear_error (&error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  text = dup_message_text (kw_recovery_flow_get_message (fixture->flow));
  g_assert_nonnull (strstr (text, "secret"));
  g_assert_null (strstr (text, TEST_CLIENT_SECRET));
  /* Nothing was sent, so nothing is counted. */
  g_assert_cmpuint (count (fixture, NULL), ==, 0);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 0);

  /* A wrong secret reaches the service and is refused there... */
  kw_recovery_flow_set_client_secret (fixture->flow, "not-the-secret");
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_NOT_AUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);

  /* ...and setting the right one replaces the client that had it. */
  kw_recovery_flow_set_client_secret (fixture->flow, TEST_CLIENT_SECRET);
  request_code_ok (fixture->flow);
  assert_no_failure (fixture);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 2);
}

static void
test_wrong_code (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wrong = NULL;

  request_code_ok (fixture->flow);
  wrong = wrong_code (kw_fake_cognito_get_last_code (fixture->fake, "jane"));
  g_assert_false (confirm (fixture->flow, wrong, NEW_PASSWORD, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CODE_MISMATCH);
  g_clear_error (&error);
  assert_action (fixture->flow, KW_USER_ACTION_EDIT_CODE);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, "Old-Passw0rd!");
  /* The code sent is still where it went. */
  g_assert_nonnull (kw_recovery_flow_get_delivery (fixture->flow));

  g_assert_true (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                          NEW_PASSWORD, &error));
  g_assert_no_error (error);
  assert_no_failure (fixture);
  g_assert_cmpuint (kw_recovery_flow_get_confirms (fixture->flow), ==, 2);
  assert_states (fixture,
                 KW_RECOVERY_STATE_REQUESTING_CODE, KW_RECOVERY_STATE_CODE_SENT,
                 KW_RECOVERY_STATE_CONFIRMING, KW_RECOVERY_STATE_FAILED,
                 KW_RECOVERY_STATE_CONFIRMING, KW_RECOVERY_STATE_DONE, -1);
  g_assert_cmpuint (fixture->busy_notifies, ==, 6);
}

/* An empty code is refused by the client before sending; the flow shows it. */
static void
test_empty_code (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  request_code_ok (fixture->flow);
  g_assert_false (confirm (fixture->flow, "", NEW_PASSWORD, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER);
  g_assert_cmpstr (kw_cognito_error_get_field (error), ==, "ConfirmationCode");
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_nonnull (kw_recovery_flow_get_message (fixture->flow));
  g_assert_cmpuint (count (fixture, "ConfirmForgotPassword"), ==, 0);
  g_assert_cmpuint (kw_recovery_flow_get_confirms (fixture->flow), ==, 0);
}

static void
test_expired_code (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kw_recovery_flow_set_cooldown (fixture->flow, 0);
  request_code_ok (fixture->flow);
  kw_fake_cognito_queue_fault (fixture->fake, "ConfirmForgotPassword", KW_FAKE_FAULT_ERROR,
                               "ExpiredCodeException");
  g_assert_false (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                           NEW_PASSWORD, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_EXPIRED_CODE);
  g_clear_error (&error);
  assert_action (fixture->flow, KW_USER_ACTION_RESEND_CODE);
  g_assert_true (kw_recovery_flow_get_can_resend (fixture->flow));

  g_assert_true (resend_code (fixture->flow, &error));
  g_assert_no_error (error);
  assert_no_failure (fixture);
  g_assert_true (confirm (fixture->flow, kw_fake_cognito_get_last_code (fixture->fake, "jane"),
                          NEW_PASSWORD, &error));
  g_assert_no_error (error);
}

/* The server's verdict on the password wins, and its reason is shown. */
static void
test_invalid_password (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *code;

  request_code_ok (fixture->flow);
  code = kw_fake_cognito_get_last_code (fixture->fake, "jane");

  g_assert_false (confirm (fixture->flow, code, "short", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PASSWORD);
  g_clear_error (&error);
  assert_action (fixture->flow, KW_USER_ACTION_EDIT_PASSWORD);
  g_assert_nonnull (strstr (kw_user_message_get_body (kw_recovery_flow_get_message (fixture->flow)),
                            "Password not long enough"));

  /* The password used now is refused by the history policy. */
  g_assert_false (confirm (fixture->flow, code, "Old-Passw0rd!", &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_PASSWORD_HISTORY_POLICY_VIOLATION);
  g_clear_error (&error);
  assert_action (fixture->flow, KW_USER_ACTION_EDIT_PASSWORD);

  g_assert_true (confirm (fixture->flow, code, NEW_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kw_recovery_flow_get_confirms (fixture->flow), ==, 3);
  g_assert_cmpstr (kw_fake_directory_get_password (kw_fake_cognito_get_directory (fixture->fake),
                                                   TEST_POOL, "jane"), ==, NEW_PASSWORD);
}

/* The hourly attempt limit: sent once (never retried), no new cooldown. */
static void
test_limit_exceeded (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) available = NULL;

  kw_recovery_flow_set_cooldown (fixture->flow, 0);
  kw_fake_directory_set_attempt_limit (kw_fake_cognito_get_directory (fixture->fake), 1);
  request_code_ok (fixture->flow);
  available = g_date_time_ref (kw_recovery_flow_get_resend_available_at (fixture->flow));

  g_assert_false (resend_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_LIMIT_EXCEEDED);
  g_clear_error (&error);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_nonnull (kw_recovery_flow_get_message (fixture->flow));
  g_assert_cmpuint (count (fixture, "ForgotPassword"), ==, 2);
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 2);
  g_assert_true (g_date_time_equal (kw_recovery_flow_get_resend_available_at (fixture->flow),
                                    available));
  /* The first code is still good for confirming. */
  g_assert_nonnull (kw_recovery_flow_get_delivery (fixture->flow));
}

/* An answer that is not JSON still came from the service: counted, but it
 * is no code, so no cooldown starts. */
static void
test_garbled_answer (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_GARBLE, NULL);
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_RESPONSE);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_nonnull (kw_recovery_flow_get_message (fixture->flow));
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 1);
  g_assert_null (kw_recovery_flow_get_resend_available_at (fixture->flow));
  g_assert_null (kw_recovery_flow_get_delivery (fixture->flow));

  /* FAILED before any code: asking again is the way on. */
  request_code_ok (fixture->flow);
  assert_no_failure (fixture);
}

/* No answer at all (the client's retries included): nothing is counted. */
static void
test_connection_dropped (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    kw_fake_cognito_queue_fault (fixture->fake, "ForgotPassword", KW_FAKE_FAULT_DROP, NULL);
  g_assert_false (request_code (fixture->flow, &error));
  g_assert_error (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_CONNECTION_RESET);
  g_assert_cmpint (kw_recovery_flow_get_state (fixture->flow), ==, KW_RECOVERY_STATE_FAILED);
  g_assert_nonnull (kw_recovery_flow_get_message (fixture->flow));
  g_assert_cmpuint (kw_recovery_flow_get_sends (fixture->flow), ==, 0);
  g_assert_null (kw_recovery_flow_get_resend_available_at (fixture->flow));
}

static GLogWriterOutput
collect_log_cb (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GString *log = user_data;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE"))
        g_string_append_printf (log, "%s\n", (const char *) fields[i].value);
    }

  return G_LOG_WRITER_HANDLED;
}

/* Debug logs of a whole flow with a client secret hold none of the secrets. */
static void
test_no_secret_in_logs (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GString) log = g_string_new (NULL);
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      g_autofree char *code = NULL;
      g_autofree char *hash = kw_secret_hash_compute (TEST_CLIENT_SECRET, "jane",
                                                      TEST_SECRET_CLIENT);

      g_log_set_writer_func (collect_log_cb, log, NULL);
      g_log_set_debug_enabled (TRUE);

      /* The secret comes from the store first, then from the person. */
      fixture_setup (&fixture, TEST_SECRET_CLIENT);
      store_secret (fixture.secrets);
      kw_recovery_flow_set_cooldown (fixture.flow, 0);
      request_code_ok (fixture.flow);
      kw_recovery_flow_set_client_secret (fixture.flow, TEST_CLIENT_SECRET);
      g_assert_true (resend_code (fixture.flow, &error));
      g_assert_no_error (error);
      code = g_strdup (kw_fake_cognito_get_last_code (fixture.fake, "jane"));
      g_assert_false (confirm (fixture.flow, code, "Weak-Leak", &error));
      g_clear_error (&error);
      g_assert_true (confirm (fixture.flow, code, NEW_PASSWORD, &error));
      g_assert_no_error (error);
      fixture_teardown (&fixture, NULL);

      /* The log did record the flow, so the checks below mean something. */
      g_assert_nonnull (strstr (log->str, "ConfirmForgotPassword"));
      g_assert_nonnull (strstr (log->str, "confirming"));
      g_assert_null (strstr (log->str, TEST_CLIENT_SECRET));
      g_assert_null (strstr (log->str, hash));
      g_assert_null (strstr (log->str, code));
      g_assert_null (strstr (log->str, NEW_PASSWORD));
      g_assert_null (strstr (log->str, "Weak-Leak"));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

#define FLOW_TEST(path, client, func) \
  g_test_add ("/keyway/recovery-flow/" path, Fixture, client, fixture_setup, func, fixture_teardown)

int
main (int    argc,
      char **argv)
{
  kw_test_init (&argc, &argv);

  FLOW_TEST ("whole-flow", TEST_CLIENT, test_whole_flow);
  FLOW_TEST ("sms-delivery", TEST_CLIENT, test_sms_delivery);
  FLOW_TEST ("refusals", TEST_CLIENT, test_refusals);
  FLOW_TEST ("resend/cooldown", TEST_CLIENT, test_resend_cooldown);
  FLOW_TEST ("resend/no-cooldown", TEST_CLIENT, test_no_cooldown);
  FLOW_TEST ("busy-refused", TEST_CLIENT, test_busy_refused);
  FLOW_TEST ("cancel/request", TEST_CLIENT, test_cancel_request);
  FLOW_TEST ("cancel/confirm", TEST_CLIENT, test_cancel_confirm);
  FLOW_TEST ("cancel/reset-mid-request", TEST_CLIENT, test_reset_mid_request);
  FLOW_TEST ("username-edit", TEST_CLIENT, test_username_edit);
  FLOW_TEST ("hidden-users/unknown-user", TEST_HIDDEN_CLIENT, test_hidden_unknown_user);
  FLOW_TEST ("hidden-users/not-authorized", TEST_HIDDEN_CLIENT, test_hidden_not_authorized);
  FLOW_TEST ("unknown-user", TEST_CLIENT, test_unknown_user);
  FLOW_TEST ("secret/from-store", TEST_SECRET_CLIENT, test_secret_from_store);
  FLOW_TEST ("secret/missing", TEST_SECRET_CLIENT, test_secret_missing);
  FLOW_TEST ("confirm/wrong-code", TEST_CLIENT, test_wrong_code);
  FLOW_TEST ("confirm/empty-code", TEST_CLIENT, test_empty_code);
  FLOW_TEST ("confirm/expired-code", TEST_CLIENT, test_expired_code);
  FLOW_TEST ("confirm/invalid-password", TEST_CLIENT, test_invalid_password);
  FLOW_TEST ("limit-exceeded", TEST_CLIENT, test_limit_exceeded);
  FLOW_TEST ("answers/garbled", TEST_CLIENT, test_garbled_answer);
  FLOW_TEST ("answers/dropped", TEST_CLIENT, test_connection_dropped);
  g_test_add_func ("/keyway/recovery-flow/no-secret-in-logs", test_no_secret_in_logs);

  return g_test_run ();
}
