/* kw-helpdesk-text.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kw-cognito-types.h"
#include "kw-helpdesk-session.h"

G_BEGIN_DECLS

/* What the helpdesk views say about users and credentials, in words. */

/* A status in a word or two ("Confirmed", "Must change password"), and a
 * sentence of what it means for the user. Translated. */
const char *kw_helpdesk_status_get_title       (KwUserStatus          status);
const char *kw_helpdesk_status_get_description (KwUserStatus          status);

/* A date and time in the local time zone, in the translation's format;
 * %NULL for %NULL. */
char       *kw_helpdesk_format_date            (GDateTime            *time);

/* The user's verified email address and phone number, as a list for a
 * sentence ("jane@example.com and +15555550123"); %NULL when neither is
 * verified, so that no code can be delivered. */
char       *kw_helpdesk_dup_verified_contacts  (const KwCognitoUser  *user);

/* Which AWS keys a session acts with: the masked access key id, where the
 * keys come from, and whether they are temporary. */
char       *kw_helpdesk_describe_identity      (KwHelpdeskSession    *session);

G_END_DECLS
