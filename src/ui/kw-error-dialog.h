/* kw-error-dialog.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-user-message.h"

G_BEGIN_DECLS

/* The response ids: the suggested action (when there is one to offer) and
 * closing. */
#define KW_ERROR_DIALOG_RESPONSE_ACTION "action"
#define KW_ERROR_DIALOG_RESPONSE_CLOSE  "close"

#define KW_TYPE_ERROR_DIALOG (kw_error_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KwErrorDialog, kw_error_dialog, KW, ERROR_DIALOG, AdwMessageDialog)

/* A KwUserMessage as a dialog: its title and body, its suggested action as
 * the default response, and its technical details in an expander. Actions
 * that only mean "later" (NONE, WAIT) get no button, so nothing invites a
 * pointless retry; nor does any action when @offer_action is %FALSE (the
 * caller cannot do it). Contacting an administrator is offered as "Copy
 * Details", which the dialog does itself (kw_error_dialog_dup_report()
 * to the clipboard) when the person presses it. */

GtkWidget     *kw_error_dialog_new            (GtkWindow     *parent,
                                               KwUserMessage *message,
                                               gboolean       offer_action);
KwUserMessage *kw_error_dialog_get_message    (KwErrorDialog *self);
/* Whether the dialog has a button for the message's action. */
gboolean       kw_error_dialog_offers_action  (KwErrorDialog *self);
/* What "Copy Details" copies: the title, the text and the details. */
char          *kw_error_dialog_dup_report     (KwErrorDialog *self);

gboolean       kw_user_action_can_be_offered  (KwUserAction   action);

G_END_DECLS
