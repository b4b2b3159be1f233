/* kw-helpdesk-window.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-application.h"
#include "kw-audit-log.h"
#include "kw-helpdesk-session.h"

G_BEGIN_DECLS

#define KW_TYPE_HELPDESK_WINDOW (kw_helpdesk_window_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdeskWindow, kw_helpdesk_window, KW, HELPDESK_WINDOW,
                      AdwApplicationWindow)

/* The helpdesk view: a sign-in panel (KwHelpdeskSignin), then, signed in,
 * a bar naming the AWS keys in use and an AdwViewStack of pages under an
 * AdwViewSwitcherTitle (an AdwViewSwitcherBar when narrow). It holds the
 * state the pages share: the session and the audit log.
 *
 * It follows its application like KwWindow does: the demo's connections,
 * keyring and audit log in demo mode, else the saved connections, the
 * keyring and $XDG_STATE_HOME/keyway/audit.log.
 *
 * Properties: session (read-only KwHelpdeskSession, %NULL while signed
 * out), audit-log (the KwAuditLog actions are written to), and, for tests,
 * construct-only overrides of the application's sources: connection-store
 * (saved connections, which also turns demo mode off for this window),
 * secret-store, audit-log. */

KwHelpdeskWindow  *kw_helpdesk_window_new               (KwApplication    *application);
KwHelpdeskSession *kw_helpdesk_window_get_session       (KwHelpdeskWindow *self);
KwAuditLog        *kw_helpdesk_window_get_audit_log     (KwHelpdeskWindow *self);
/* Back to the sign-in panel; the pages get no session. */
void               kw_helpdesk_window_sign_out          (KwHelpdeskWindow *self);
/* Chooses the connection to sign in with, by id (for --connection). */
gboolean           kw_helpdesk_window_select_connection (KwHelpdeskWindow *self,
                                                         const char       *id);

/* Adds a page to the view stack ("Users" is there already; "Bulk Reset" and
 * "Audit Log" come this way). The window binds its own properties to the
 * page's properties of the same name and type, when the page has them:
 * "session" (KwHelpdeskSession, %NULL while signed out) and "audit-log"
 * (KwAuditLog). A page needs nothing else from the window: it shows
 * failures with kw_helpdesk_show_error() and toasts with
 * kw_helpdesk_toast() (kw-helpdesk-confirm.h). The view switcher appears
 * once there are two pages. Returns the new AdwViewStackPage (transfer
 * none). */
AdwViewStackPage  *kw_helpdesk_window_add_page          (KwHelpdeskWindow *self,
                                                         GtkWidget        *page,
                                                         const char       *name,
                                                         const char       *title,
                                                         const char       *icon_name);

G_END_DECLS
