/* kw-test-helpdesk.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-audit-page.h"
#include "kw-bulk-page.h"
#include "kw-error-dialog.h"
#include "kw-helpdesk-signin.h"
#include "kw-helpdesk-users-page.h"
#include "kw-helpdesk-window.h"
#include "kw-user-card.h"

#include "kw-test-ui.h"

G_BEGIN_DECLS

/* What the helpdesk view's tests share: a helpdesk window in demo mode for
 * each case, against a fresh fake Cognito, and the steps a person takes in
 * it (signing in, searching, pressing a card's action, answering a dialog). */

typedef struct
{
  KwApplication    *application;
  KwHelpdeskWindow *window;       /* NULL once the window is finalized */
  KwFakeCognito    *fake;         /* the demo's, or the test's own */
} KwHelpdeskFixture;

/* The demo's helpdesk keys, which the fake knows. */
#define KW_TEST_DEMO_ACCESS_KEY "AKIAIOSFODNN7EXAMPLE"
#define KW_TEST_DEMO_SECRET_KEY "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define KW_TEST_DEMO_POOL "us-east-1_KeywayDemo"

/* Demo mode and a helpdesk window on the demo's helpdesk connection, not
 * signed in yet; the tear-down closes every dialog and the window, and
 * waits for it to be finalized. */
void                 kw_test_helpdesk_set_up        (KwHelpdeskFixture *fixture,
                                                     KwApplication     *application);
void                 kw_test_helpdesk_tear_down     (KwHelpdeskFixture *fixture);
/* Closes the window and waits for it to be finalized; then opens a new
 * one, as a person starting over would, on the demo's helpdesk connection
 * and not signed in. */
void                 kw_test_helpdesk_close_window  (KwHelpdeskFixture *fixture);
void                 kw_test_helpdesk_open_window   (KwHelpdeskFixture *fixture);

KwHelpdeskSignin    *kw_test_helpdesk_signin        (KwHelpdeskFixture *fixture);
KwHelpdeskUsersPage *kw_test_helpdesk_users_page    (KwHelpdeskFixture *fixture);
KwUserCard          *kw_test_helpdesk_card          (KwHelpdeskFixture *fixture);
KwBulkPage          *kw_test_helpdesk_bulk_page     (KwHelpdeskFixture *fixture);
KwAuditPage         *kw_test_helpdesk_audit_page    (KwHelpdeskFixture *fixture);
/* Switches to the page named @name ("users", "bulk", "audit"), as the
 * view switcher does, and waits for it to be on screen. */
void                 kw_test_helpdesk_show_page     (KwHelpdeskFixture *fixture,
                                                     const char        *name);

/* Presses Sign In, then waits for the session. */
void                 kw_test_helpdesk_sign_in       (KwHelpdeskFixture *fixture);
/* Presses Sign In, then waits for the panel to be done (with or without a
 * session). */
void                 kw_test_helpdesk_try_sign_in   (KwHelpdeskFixture *fixture);
/* Types @query and presses Search; waits for the search to end. */
void                 kw_test_helpdesk_search        (KwHelpdeskFixture *fixture,
                                                     const char        *query);
/* Searches, then waits for @username's card. */
void                 kw_test_helpdesk_open_user     (KwHelpdeskFixture *fixture,
                                                     const char        *username);
/* Waits until the card is idle (no action or refresh in flight). */
void                 kw_test_helpdesk_wait_card     (KwHelpdeskFixture *fixture);

/* The AdwActionRow under @widget whose title is @title, or NULL. */
AdwActionRow        *kw_test_helpdesk_find_row      (GtkWidget         *widget,
                                                     const char        *title);
/* That row's subtitle; fails the test when there is no such row. */
const char          *kw_test_helpdesk_row_subtitle  (GtkWidget         *widget,
                                                     const char        *title);

/* Waits for a dialog with @heading to be shown. */
AdwMessageDialog    *kw_test_helpdesk_wait_dialog   (const char        *heading);
/* A shown dialog with @heading, or NULL. */
AdwMessageDialog    *kw_test_helpdesk_find_dialog   (const char        *heading);
/* An error dialog over a window that is on screen, or NULL. */
KwErrorDialog       *kw_test_helpdesk_find_error_dialog (void);
/* Presses the dialog's button labelled @label, then waits for the dialog
 * to go. */
void                 kw_test_helpdesk_respond       (AdwMessageDialog  *dialog,
                                                     const char        *label);
/* Waits for a toast (or any label in the window) showing @text. */
void                 kw_test_helpdesk_wait_toast    (KwHelpdeskFixture *fixture,
                                                     const char        *text);
/* kw_test_ui_wait_until() for what takes longer than five seconds, such as
 * a bulk reset against a throttling fake: fails after @seconds. */
void                 kw_test_helpdesk_wait_long     (KwTestCondition    condition,
                                                     gpointer           data,
                                                     const char        *what,
                                                     guint              seconds);
/* Adds @n users named PREFIX000, PREFIX001, … to the demo's pool, each with
 * a verified email address, so that a reset code can reach them. */
void                 kw_test_helpdesk_add_users     (KwHelpdeskFixture *fixture,
                                                     const char        *prefix,
                                                     guint              n);
/* The number of lines of the window's audit log that hold @needle. */
guint                kw_test_helpdesk_count_audit   (KwHelpdeskFixture *fixture,
                                                     const char        *needle);

G_END_DECLS
