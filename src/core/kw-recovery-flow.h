/* kw-recovery-flow.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-cognito-types.h"
#include "kw-connection.h"
#include "kw-secret-store.h"
#include "kw-user-message.h"

G_BEGIN_DECLS

#define KW_RECOVERY_DEFAULT_COOLDOWN_SECONDS 60

typedef enum
{
  KW_RECOVERY_STATE_IDLE,
  KW_RECOVERY_STATE_REQUESTING_CODE,
  KW_RECOVERY_STATE_CODE_SENT,
  KW_RECOVERY_STATE_CONFIRMING,
  KW_RECOVERY_STATE_DONE,
  KW_RECOVERY_STATE_FAILED,
} KwRecoveryState;

#define KW_RECOVERY_ERROR (kw_recovery_error_quark ())

/* Refusals of the flow itself; nothing was sent. */
typedef enum
{
  KW_RECOVERY_ERROR_BUSY,          /* a request of this flow is still in flight */
  KW_RECOVERY_ERROR_WRONG_STATE,   /* e.g. confirming before any code was sent */
  KW_RECOVERY_ERROR_COOLDOWN,      /* resending before KwRecoveryFlow:resend-available-at */
  KW_RECOVERY_ERROR_NO_USERNAME,
} KwRecoveryError;

#define KW_TYPE_RECOVERY_FLOW (kw_recovery_flow_get_type ())

G_DECLARE_FINAL_TYPE (KwRecoveryFlow, kw_recovery_flow, KW, RECOVERY_FLOW, GObject)

/* One person's password recovery: ForgotPassword, then ConfirmForgotPassword.
 *
 * Properties (all notify on change, so pages bind to them):
 *   connection (construct-only), secret-store (construct-only),
 *   username (read-write; editing it returns the flow to IDLE),
 *   state (KwRecoveryState), busy (requesting or confirming),
 *   delivery (KwCodeDeliveryDetails, nullable: where the code went, masked),
 *   cooldown (seconds after every send before a resend; default 60),
 *   resend-available-at (GDateTime, nullable), can-resend (a code was sent
 *   and the cooldown is over; turns TRUE by itself when it ends),
 *   sends, confirms (requests that reached the service),
 *   error (GError, nullable) and message (KwUserMessage, nullable): the
 *   last failure, cleared by the next request.
 *
 * A failed request leaves state FAILED with error and message set; the
 * message's action says where to continue, and every method is allowed again
 * from FAILED when its prerequisites hold (confirming needs a code sent in
 * this flow). Cancelling returns to the state before the request, with no
 * error (from FAILED: to CODE_SENT if a code was sent, else IDLE). */

KwRecoveryFlow        *kw_recovery_flow_new             (KwConnection    *connection,
                                                         KwSecretStore   *secrets);

KwConnection          *kw_recovery_flow_get_connection  (KwRecoveryFlow  *self);
const char            *kw_recovery_flow_get_username    (KwRecoveryFlow  *self);
void                   kw_recovery_flow_set_username    (KwRecoveryFlow  *self,
                                                         const char      *username);
KwRecoveryState        kw_recovery_flow_get_state       (KwRecoveryFlow  *self);
gboolean               kw_recovery_flow_get_busy        (KwRecoveryFlow  *self);
const KwCodeDeliveryDetails *kw_recovery_flow_get_delivery (KwRecoveryFlow *self);
guint                  kw_recovery_flow_get_cooldown    (KwRecoveryFlow  *self);
void                   kw_recovery_flow_set_cooldown    (KwRecoveryFlow  *self,
                                                         guint            seconds);
GDateTime             *kw_recovery_flow_get_resend_available_at (KwRecoveryFlow *self);
gboolean               kw_recovery_flow_get_can_resend  (KwRecoveryFlow  *self);
guint                  kw_recovery_flow_get_sends       (KwRecoveryFlow  *self);
guint                  kw_recovery_flow_get_confirms    (KwRecoveryFlow  *self);
const GError          *kw_recovery_flow_get_error       (KwRecoveryFlow  *self);
KwUserMessage         *kw_recovery_flow_get_message     (KwRecoveryFlow  *self);

/* The client secret for this session only, when the keyring has none or
 * cannot be reached (the UI asks the person for it). Never stored. */
void                   kw_recovery_flow_set_client_secret (KwRecoveryFlow *self,
                                                           const char     *client_secret);

void      kw_recovery_flow_request_code_async  (KwRecoveryFlow      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  kw_recovery_flow_request_code_finish (KwRecoveryFlow      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void      kw_recovery_flow_resend_code_async   (KwRecoveryFlow      *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  kw_recovery_flow_resend_code_finish  (KwRecoveryFlow      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void      kw_recovery_flow_confirm_async       (KwRecoveryFlow      *self,
                                                const char          *code,
                                                const char          *new_password,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean  kw_recovery_flow_confirm_finish      (KwRecoveryFlow      *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/* Back to IDLE, keeping the username; cancels a request in flight. */
void      kw_recovery_flow_reset               (KwRecoveryFlow      *self);

GQuark    kw_recovery_error_quark              (void);

G_END_DECLS
