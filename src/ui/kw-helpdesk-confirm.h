/* kw-helpdesk-confirm.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-cognito-model.h"
#include "kw-cognito-types.h"
#include "kw-connection.h"

G_BEGIN_DECLS

/* The dialogs of the helpdesk views: a confirmation before every change to
 * a user, saying in plain words what will happen; the temporary password,
 * shown once; and failures, as KwErrorDialog words them. */

/* The responses of the confirmations. */
#define KW_HELPDESK_RESPONSE_CANCEL    "cancel"
#define KW_HELPDESK_RESPONSE_RESET     "reset"
#define KW_HELPDESK_RESPONSE_TEMPORARY "temporary"
#define KW_HELPDESK_RESPONSE_CLOSE     "close"

/* Before AdminResetUserPassword. A user with no verified email address or
 * phone number gets a warning instead, offering only a temporary password;
 * a user who must change a temporary password gets both choices.
 * @n_metadata: how many ClientMetadata pairs go with the request. */
GtkWidget *kw_helpdesk_confirm_reset_new     (GtkWindow           *parent,
                                              const KwCognitoUser *user,
                                              guint                n_metadata);
/* Before AdminSetUserPassword with a generated password. */
GtkWidget *kw_helpdesk_confirm_temporary_new (GtkWindow           *parent,
                                              const KwCognitoUser *user);

#define KW_TYPE_HELPDESK_PASSWORD_DIALOG (kw_helpdesk_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdeskPasswordDialog, kw_helpdesk_password_dialog,
                      KW, HELPDESK_PASSWORD_DIALOG, AdwMessageDialog)

/* Shows a temporary password once, in a password entry (dots until the
 * person peeks) with a copy button, with a note to pass it on securely.
 * The entry is emptied as the dialog answers or goes away; nothing else
 * keeps the password. */
GtkWidget *kw_helpdesk_password_dialog_new   (GtkWindow           *parent,
                                              const char          *username,
                                              const char          *password);

/* A failure of @operation as an error dialog over @widget's window;
 * nothing for a cancellation, or when @widget is in no window any more. */
void       kw_helpdesk_show_error            (GtkWidget           *widget,
                                              const GError        *error,
                                              KwCognitoOperation   operation,
                                              KwConnection        *connection);
/* A toast in the nearest AdwToastOverlay above @widget. */
void       kw_helpdesk_toast                 (GtkWidget           *widget,
                                              const char          *text);

G_END_DECLS
