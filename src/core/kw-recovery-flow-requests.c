/* kw-recovery-flow-requests.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-recovery-flow-private.h"

#include "kw-connection-client.h"

#include <glib/gi18n-lib.h>

/* Requests. Each runs: the flow's checks, then the Cognito client (created
 * on first use), then the state the answer leads to. Only one runs at a time;
 * self->pending is it, and a request that is no longer pending (reset or a
 * new username took over) only reports its end to its caller. */

typedef struct
{
  KwCognitoOperation  operation;
  KwCognitoClient    *client;
  GCancellable       *cancellable;         /* the flow's, for this request */
  GCancellable       *caller_cancellable;
  gulong              caller_handler;
  char               *username;
  char               *code;                /* wiped */
  char               *password;            /* wiped */
  char               *client_secret;       /* wiped */
  guint               secret_serial;
} Request;

static void
request_free (Request *request)
{
  /* Not g_cancellable_disconnect(): the request may end inside the caller's
   * own "cancelled" emission, where that would wait for itself. */
  if (request->caller_handler != 0)
    g_signal_handler_disconnect (request->caller_cancellable, request->caller_handler);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->client);
  g_clear_pointer (&request->username, g_free);
  g_clear_pointer (&request->code, kw_secret_free);
  g_clear_pointer (&request->password, kw_secret_free);
  g_clear_pointer (&request->client_secret, kw_secret_free);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static GError *
new_cancelled_error (void)
{
  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The request was cancelled"));
}

static gboolean
reached_service (const GError *error)
{
  return error == NULL || kw_cognito_error_get_http_status (error) != 0;
}

/* A pool that hides whether users exist should never say "no such user".
 * If it does anyway (the pool's setting and the connection disagree), the
 * answer becomes the one such a pool gives, so that neither the message nor
 * the error property tells an unknown user from a known one. */
static GError *
hide_user_existence (KwRecoveryFlow     *self,
                     KwCognitoOperation  operation,
                     GError             *error)
{
  gboolean confirming = operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD;
  GError *hidden;

  /* No connection: the flow was disposed, and no one will see the error. */
  if (self->connection == NULL ||
      !kw_connection_get_prevent_user_existence_errors (self->connection) ||
      !g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_USER_NOT_FOUND))
    return error;

  hidden = kw_cognito_error_new_full (confirming ? KW_COGNITO_ERROR_CODE_MISMATCH
                                                 : KW_COGNITO_ERROR_NOT_AUTHORIZED,
                                      confirming ? "CodeMismatchException"
                                                 : "NotAuthorizedException",
                                      kw_cognito_error_get_http_status (error),
                                      kw_cognito_error_get_request_id (error),
                                      confirming
                                        ? "Invalid verification code provided, please try again."
                                        : NULL);
  g_error_free (error);

  return hidden;
}

/* Takes the request out of the flow if it is still the pending one. */
static gboolean
take_pending (KwRecoveryFlow *self,
              GTask          *task)
{
  if (self->pending != task)
    return FALSE;

  self->pending = NULL;
  return TRUE;
}

/* Ends a request that did not succeed. A cancelled one returns the flow to
 * where it rested, with no error; anything else is FAILED with a message. */
static void
request_failed (GTask  *task,
                GError *error)
{
  KwRecoveryFlow *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;
  gboolean cancelled = g_cancellable_is_cancelled (request->cancellable) ||
    g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  if (cancelled && !g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&owned);
      owned = new_cancelled_error ();
    }

  if (take_pending (self, task))
    {
      g_object_freeze_notify (G_OBJECT (self));
      if (cancelled)
        {
          kw_recovery_flow_set_state (self, kw_recovery_flow_get_resting_state (self));
        }
      else
        {
          g_debug ("Recovery flow %p: %s failed: %s", self,
                   kw_cognito_operation_get_name (request->operation),
                   kw_cognito_error_get_name (owned) ?: g_quark_to_string (owned->domain));
          kw_recovery_flow_set_failure (self, owned, request->operation);
          kw_recovery_flow_set_state (self, KW_RECOVERY_STATE_FAILED);
        }
      g_object_thaw_notify (G_OBJECT (self));
    }

  g_task_return_error (task, g_steal_pointer (&owned));
}

static void
answer_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwRecoveryFlow *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  gboolean confirming = request->operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD;
  g_autoptr(KwCodeDeliveryDetails) delivery = NULL;
  g_autoptr(GError) error = NULL;

  if (confirming)
    kw_cognito_client_confirm_forgot_password_finish (KW_COGNITO_CLIENT (object), result, &error);
  else
    delivery = kw_cognito_client_forgot_password_finish (KW_COGNITO_CLIENT (object), result,
                                                         &error);

  if (reached_service (error))
    kw_recovery_flow_count_answer (self, request->operation);

  if (error != NULL)
    {
      request_failed (task, hide_user_existence (self, request->operation,
                                                 g_steal_pointer (&error)));
      return;
    }

  /* An answer that arrived is kept even if the caller cancelled a moment
   * too late: forgetting a code sent would only lead to sending another. */
  if (!take_pending (self, task))
    {
      g_task_return_error (task, new_cancelled_error ());
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (confirming)
    {
      /* The code is used up: nothing is left to confirm or resend. */
      self->code_sent = FALSE;
      kw_recovery_flow_stop_cooldown (self);
      kw_recovery_flow_set_state (self, KW_RECOVERY_STATE_DONE);
    }
  else
    {
      self->code_sent = TRUE;
      kw_recovery_flow_set_delivery (self, delivery);
      /* Before the state, so that can-resend never flickers on. */
      kw_recovery_flow_start_cooldown (self);
      kw_recovery_flow_set_state (self, KW_RECOVERY_STATE_CODE_SENT);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_task_return_boolean (task, TRUE);
}

static void
send_request (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (request->operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD)
    {
      kw_cognito_client_confirm_forgot_password_async (request->client, request->username,
                                                       request->code, request->password, NULL,
                                                       request->cancellable, answer_cb, task);
      /* The client has built its request body: the copies have done their job. */
      g_clear_pointer (&request->code, kw_secret_free);
      g_clear_pointer (&request->password, kw_secret_free);
    }
  else
    {
      kw_cognito_client_forgot_password_async (request->client, request->username, NULL,
                                               request->cancellable, answer_cb, task);
    }
}

static void
client_created_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KwRecoveryFlow *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(KwCognitoClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = kw_connection_create_client_finish (result, NULL, &error);
  g_clear_pointer (&request->client_secret, kw_secret_free);

  if (client == NULL || g_cancellable_is_cancelled (request->cancellable))
    {
      request_failed (task, error != NULL ? g_steal_pointer (&error) : new_cancelled_error ());
      return;
    }

  /* Kept for the next requests, unless another secret was set meanwhile. */
  if (self->pending == task && self->client == NULL &&
      request->secret_serial == self->secret_serial)
    self->client = g_object_ref (client);

  request->client = g_steal_pointer (&client);
  send_request (g_steal_pointer (&task));
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* The flow's own refusals: nothing is sent and nothing changes. */
static gboolean
check_ready (KwRecoveryFlow      *self,
             KwCognitoOperation   operation,
             gboolean             resend,
             GError             **error)
{
  const char *refusal = NULL;
  KwRecoveryError code = KW_RECOVERY_ERROR_WRONG_STATE;

  if (self->pending != NULL)
    {
      code = KW_RECOVERY_ERROR_BUSY;
      refusal = _("A request is already in progress");
    }
  else if (operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD || resend)
    {
      /* Also after DONE: that code is used up. */
      if (!self->code_sent)
        refusal = _("No code was sent yet");
    }
  else if (self->state == KW_RECOVERY_STATE_DONE)
    {
      refusal = _("The password was already changed");
    }

  if (refusal == NULL && operation == KW_COGNITO_OPERATION_FORGOT_PASSWORD)
    {
      if (self->username == NULL || *self->username == '\0')
        {
          code = KW_RECOVERY_ERROR_NO_USERNAME;
          refusal = _("No username was entered");
        }
      /* Every send waits out the cooldown of the one before, whichever
       * method asks; otherwise asking anew would be a way around it. */
      else if (self->cooldown_source != NULL)
        {
          code = KW_RECOVERY_ERROR_COOLDOWN;
          refusal = _("A new code cannot be sent yet");
        }
    }

  if (refusal != NULL)
    {
      g_set_error_literal (error, KW_RECOVERY_ERROR, code, refusal);
      return FALSE;
    }

  return TRUE;
}

/* Checks, then makes the request pending and moves the flow to its busy
 * state. @code and @password are copied for as long as the client is being
 * created, and wiped once the client has them. */
static void
start_request (KwRecoveryFlow      *self,
               KwCognitoOperation   operation,
               gboolean             resend,
               const char          *code,
               const char          *password,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  Request *request;

  g_task_set_source_tag (task, source_tag);
  /* The request reports a cancel itself, and keeps an answer that was
   * already there when the cancel came. */
  g_task_set_check_cancellable (task, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !check_ready (self, operation, resend, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  request = g_new0 (Request, 1);
  request->operation = operation;
  request->username = g_strdup (self->username);
  request->code = g_strdup (code);
  request->password = g_strdup (password);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* A fresh one each time: reset and cancels leave the last one cancelled. */
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  request->cancellable = g_object_ref (self->cancellable);

  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_handler = g_cancellable_connect (cancellable,
                                                       G_CALLBACK (caller_cancelled_cb),
                                                       g_object_ref (self->cancellable),
                                                       g_object_unref);
    }

  self->pending = task;
  g_object_freeze_notify (G_OBJECT (self));
  kw_recovery_flow_clear_failure (self);
  kw_recovery_flow_set_state (self, operation == KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD
                     ? KW_RECOVERY_STATE_CONFIRMING
                     : KW_RECOVERY_STATE_REQUESTING_CODE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->client != NULL)
    {
      request->client = g_object_ref (self->client);
      send_request (g_steal_pointer (&task));
    }
  else
    {
      KwClientOptions options = { 0 };

      request->client_secret = g_strdup (self->client_secret);
      request->secret_serial = self->secret_serial;
      options.client_secret = request->client_secret;
      kw_connection_create_client_async (self->connection, self->secrets, &options,
                                         request->cancellable, client_created_cb,
                                         g_steal_pointer (&task));
    }
}

static gboolean
finish_request (KwRecoveryFlow  *self,
                GAsyncResult    *result,
                gpointer         source_tag,
                GError         **error)
{
  g_return_val_if_fail (KW_IS_RECOVERY_FLOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kw_recovery_flow_request_code_async:
 * @self: a #KwRecoveryFlow
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the code is sent or the request failed
 * @user_data: data for @callback
 *
 * Asks Cognito to send a code to the user's verified email or phone
 * (ForgotPassword). Refused with a #KwRecoveryError, sending nothing, while
 * another request runs, after the password was changed, without a username
 * or during the cooldown of the last code. On success the flow is in
 * %KW_RECOVERY_STATE_CODE_SENT with #KwRecoveryFlow:delivery set.
 */
void
kw_recovery_flow_request_code_async (KwRecoveryFlow      *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_request (self, KW_COGNITO_OPERATION_FORGOT_PASSWORD, FALSE, NULL, NULL,
                 cancellable, callback, user_data, kw_recovery_flow_request_code_async);
}

gboolean
kw_recovery_flow_request_code_finish (KwRecoveryFlow  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  return finish_request (self, result, kw_recovery_flow_request_code_async, error);
}

/**
 * kw_recovery_flow_resend_code_async:
 * @self: a #KwRecoveryFlow
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the code is sent or the request failed
 * @user_data: data for @callback
 *
 * Asks for another code once #KwRecoveryFlow:can-resend; the new code
 * replaces the old one. Refused like kw_recovery_flow_request_code_async(),
 * and with %KW_RECOVERY_ERROR_WRONG_STATE when no code was sent yet.
 */
void
kw_recovery_flow_resend_code_async (KwRecoveryFlow      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_request (self, KW_COGNITO_OPERATION_FORGOT_PASSWORD, TRUE, NULL, NULL,
                 cancellable, callback, user_data, kw_recovery_flow_resend_code_async);
}

gboolean
kw_recovery_flow_resend_code_finish (KwRecoveryFlow  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  return finish_request (self, result, kw_recovery_flow_resend_code_async, error);
}

/**
 * kw_recovery_flow_confirm_async:
 * @self: a #KwRecoveryFlow
 * @code: the code the person received
 * @new_password: the new password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the password is changed or the request failed
 * @user_data: data for @callback
 *
 * Sets the new password with the code (ConfirmForgotPassword). Needs a code
 * sent in this flow (%KW_RECOVERY_ERROR_WRONG_STATE otherwise). Neither
 * @code nor @new_password is kept after the request is sent. A wrong code or
 * a password the pool refuses leaves the flow FAILED with a message whose
 * action leads back to the code or the password; confirming again is
 * allowed. On success the flow is %KW_RECOVERY_STATE_DONE.
 */
void
kw_recovery_flow_confirm_async (KwRecoveryFlow      *self,
                                const char          *code,
                                const char          *new_password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KW_IS_RECOVERY_FLOW (self));
  g_return_if_fail (code != NULL);
  g_return_if_fail (new_password != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  start_request (self, KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD, FALSE, code, new_password,
                 cancellable, callback, user_data, kw_recovery_flow_confirm_async);
}

gboolean
kw_recovery_flow_confirm_finish (KwRecoveryFlow  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  return finish_request (self, result, kw_recovery_flow_confirm_async, error);
}
