/* kw-test-wizard.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-error-dialog.h"
#include "kw-window-private.h"

#include "kw-test-ui.h"

G_BEGIN_DECLS

/* What the wizard's tests share: a window of its own in demo mode for each
 * case, against a fresh fake Cognito, and the steps a person takes through
 * it (typing, pressing Next, reading a dialog). */

#define KW_TEST_NEW_PASSWORD "Correct-Horse-7-Battery"

typedef struct
{
  KwApplication *application;
  KwWindow      *window;       /* NULL once the window is finalized */
  KwFakeCognito *fake;         /* the demo's */
} KwWizardFixture;

typedef gboolean (*KwWizardCondition) (KwWizardFixture *fixture);

typedef void (*KwWizardTestFunc) (KwWizardFixture *fixture,
                                  gconstpointer    user_data);

/* Initialises the UI tests; then add cases and run them. */
void           kw_test_wizard_init            (int                *argc,
                                               char             ***argv);
void           kw_test_wizard_add             (const char         *path,
                                               KwWizardTestFunc    func);
int            kw_test_wizard_run             (void);

void           kw_test_wizard_wait            (KwWizardFixture    *fixture,
                                               KwWizardCondition   condition,
                                               const char         *what);

/* Where the wizard is. */
KwWizardPage  *kw_test_wizard_page            (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_on_account_page (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_on_delivery_page (KwWizardFixture   *fixture);
gboolean       kw_test_wizard_on_code_page    (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_on_password_page (KwWizardFixture   *fixture);
gboolean       kw_test_wizard_on_done_page    (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_idle            (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_window_finalized (KwWizardFixture   *fixture);

GtkEditable   *kw_test_wizard_entry           (gpointer            page,
                                               guint               index);
/* The widget that has the keyboard focus is @widget, or inside it. */
gboolean       kw_test_wizard_has_focus       (KwWizardFixture    *fixture,
                                               gpointer            widget);
gboolean       kw_test_wizard_next_enabled    (KwWizardFixture    *fixture);
void           kw_test_wizard_press_next      (KwWizardFixture    *fixture);

/* The steps: account (returns the code the fake sent), code, password. */
const char    *kw_test_wizard_send_code       (KwWizardFixture    *fixture,
                                               const char         *username,
                                               const char         *masked_destination);
void           kw_test_wizard_enter_code      (KwWizardFixture    *fixture,
                                               const char         *code);
void           kw_test_wizard_enter_password  (KwWizardFixture    *fixture,
                                               const char         *password);
/* Account, delivery, code and a good password, up to the moment before
 * Change is pressed. */
void           kw_test_wizard_reach_change    (KwWizardFixture    *fixture,
                                               const char         *username,
                                               const char         *masked_destination);
void           kw_test_wizard_assert_recovered (KwWizardFixture   *fixture,
                                               const char         *username);
const char    *kw_test_wizard_stored_password (KwWizardFixture    *fixture,
                                               const char         *username);

/* Shortens the wait before a new code may be asked for (a minute in the
 * app) to @seconds, for the current connection's flow. */
void           kw_test_wizard_set_cooldown    (KwWizardFixture    *fixture,
                                               guint               seconds);
/* Makes the flow's client retry without waiting between attempts and give
 * up after @timeout seconds (0 keeps its thirty); needs the client, which
 * the first request of the flow makes. */
void           kw_test_wizard_tune_client     (KwWizardFixture    *fixture,
                                               guint               timeout);
/* Sends jane's code and comes back to the account page, for the flow to
 * have a client to tune; leaves jane's name in the field. */
void           kw_test_wizard_warm_up         (KwWizardFixture    *fixture);

/* Makes the window's content @width × @height. */
void           kw_test_wizard_resize          (KwWizardFixture    *fixture,
                                               int                 width,
                                               int                 height);

/* Error dialogs. */
KwErrorDialog *kw_test_wizard_find_dialog     (void);
gboolean       kw_test_wizard_dialog_shown    (KwWizardFixture    *fixture);
gboolean       kw_test_wizard_dialog_gone     (KwWizardFixture    *fixture);
/* Waits for the error dialog; checks its heading and the label of its
 * default response, the one Enter answers (NULL: the default is to close,
 * and there is no other). */
KwErrorDialog *kw_test_wizard_expect_dialog   (KwWizardFixture    *fixture,
                                               const char         *heading,
                                               const char         *default_label);
/* Presses the dialog's button with @label, as a person would. */
void           kw_test_wizard_answer_dialog   (KwWizardFixture    *fixture,
                                               KwErrorDialog      *dialog,
                                               const char         *label);

G_END_DECLS
