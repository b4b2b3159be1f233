/* kw-helpdesk-users-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-helpdesk-session.h"
#include "kw-user-card.h"

G_BEGIN_DECLS

#define KW_TYPE_HELPDESK_USERS_PAGE (kw_helpdesk_users_page_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdeskUsersPage, kw_helpdesk_users_page,
                      KW, HELPDESK_USERS_PAGE, AdwBin)

/* The helpdesk's "Users" page: a search for a username, an email address or
 * a phone number (kw_helpdesk_lookup_async()), the users found as a list,
 * and the chosen one's KwUserCard. One match goes straight to its card.
 *
 * Properties: session (KwHelpdeskSession: the window sets it; %NULL when
 * signed out), hint (nullable: a line under the empty search, such as the
 * demo's users). */

GtkWidget         *kw_helpdesk_users_page_new         (void);
KwHelpdeskSession *kw_helpdesk_users_page_get_session (KwHelpdeskUsersPage *self);
void               kw_helpdesk_users_page_set_session (KwHelpdeskUsersPage *self,
                                                       KwHelpdeskSession   *session);
const char        *kw_helpdesk_users_page_get_hint    (KwHelpdeskUsersPage *self);
void               kw_helpdesk_users_page_set_hint    (KwHelpdeskUsersPage *self,
                                                       const char          *hint);
/* Puts @query in the search field and searches, as pressing Search does. */
void               kw_helpdesk_users_page_search      (KwHelpdeskUsersPage *self,
                                                       const char          *query);
KwUserCard        *kw_helpdesk_users_page_get_card    (KwHelpdeskUsersPage *self);
/* Whether a search is in flight. */
gboolean           kw_helpdesk_users_page_get_busy    (KwHelpdeskUsersPage *self);

G_END_DECLS
