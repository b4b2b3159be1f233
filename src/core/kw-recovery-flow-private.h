/* kw-recovery-flow-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-cognito-client.h"
#include "kw-recovery-flow.h"

G_BEGIN_DECLS

struct _KwRecoveryFlow
{
  GObject                parent_instance;

  KwConnection          *connection;
  KwSecretStore         *secrets;
  char                  *username;
  KwRecoveryState        state;
  KwCodeDeliveryDetails *delivery;
  guint                  cooldown;
  GDateTime             *resend_available_at;
  gboolean               can_resend;
  guint                  sends;
  guint                  confirms;
  GError                *error;
  KwUserMessage         *message;

  /* A code was sent in this flow and not used up: confirming is allowed. */
  gboolean               code_sent;
  GSource               *cooldown_source;

  char                  *client_secret;
  guint                  secret_serial;
  KwCognitoClient       *client;

  /* The request in flight (not a reference: the task holds the flow) and
   * the flow's own cancellable for it. */
  GTask                 *pending;
  GCancellable          *cancellable;
};

void            kw_recovery_flow_set_state          (KwRecoveryFlow              *self,
                                                     KwRecoveryState              state);
KwRecoveryState kw_recovery_flow_get_resting_state  (KwRecoveryFlow              *self);
void            kw_recovery_flow_set_delivery       (KwRecoveryFlow              *self,
                                                     const KwCodeDeliveryDetails *delivery);
void            kw_recovery_flow_clear_failure      (KwRecoveryFlow              *self);
void            kw_recovery_flow_set_failure        (KwRecoveryFlow              *self,
                                                     const GError                *error,
                                                     KwCognitoOperation           operation);
void            kw_recovery_flow_start_cooldown     (KwRecoveryFlow              *self);
void            kw_recovery_flow_stop_cooldown      (KwRecoveryFlow              *self);
void            kw_recovery_flow_count_answer       (KwRecoveryFlow              *self,
                                                     KwCognitoOperation           operation);

G_END_DECLS
