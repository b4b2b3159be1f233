/* kw-user-card.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-cognito-types.h"
#include "kw-helpdesk-session.h"

G_BEGIN_DECLS

#define KW_TYPE_USER_CARD (kw_user_card_get_type ())

G_DECLARE_FINAL_TYPE (KwUserCard, kw_user_card, KW, USER_CARD, AdwBin)

/* One user of the pool, as the helpdesk sees it: username, status in words,
 * enabled or disabled, email address and phone number with whether each is
 * verified, when the account was created and last changed; and the
 * password actions, each behind a confirmation (KwHelpdeskConfirm), with
 * optional ClientMetadata under "Advanced". After an action the card reads
 * the user again and a toast says what was done.
 *
 * Properties: session (KwHelpdeskSession, whose helpdesk acts), user
 * (KwCognitoUser, boxed: what the card shows; the card updates it after an
 * action), busy (read-only: an action or a refresh is in flight). */

GtkWidget           *kw_user_card_new          (void);
KwHelpdeskSession   *kw_user_card_get_session  (KwUserCard          *self);
void                 kw_user_card_set_session  (KwUserCard          *self,
                                                KwHelpdeskSession   *session);
const KwCognitoUser *kw_user_card_get_user     (KwUserCard          *self);
void                 kw_user_card_set_user     (KwUserCard          *self,
                                                const KwCognitoUser *user);
gboolean             kw_user_card_get_busy     (KwUserCard          *self);

G_END_DECLS
