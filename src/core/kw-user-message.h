/* kw-user-message.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-cognito-model.h"
#include "kw-connection.h"

G_BEGIN_DECLS

/* What the person can do next; a dialog or banner offers it as its button. */
typedef enum
{
  KW_USER_ACTION_NONE,
  KW_USER_ACTION_RETRY,
  KW_USER_ACTION_RESEND_CODE,
  KW_USER_ACTION_EDIT_USERNAME,
  KW_USER_ACTION_EDIT_CODE,
  KW_USER_ACTION_EDIT_PASSWORD,
  KW_USER_ACTION_OPEN_CONNECTION_SETTINGS,
  KW_USER_ACTION_WAIT,                    /* until KwUserMessage:wait-until */
  KW_USER_ACTION_CONTACT_ADMINISTRATOR,
} KwUserAction;

#define KW_TYPE_USER_MESSAGE (kw_user_message_get_type ())

G_DECLARE_FINAL_TYPE (KwUserMessage, kw_user_message, KW, USER_MESSAGE, GObject)

/* Turns a failure of @operation into what the person sees: a translated
 * title and explanation, a suggested action, and technical details for a
 * "details" expander. @connection (nullable) refines the text: a client with
 * a secret, a pool that hides whether users exist (the message then never
 * says whether an account exists), a helpdesk's credentials source.
 *
 * Handles KW_COGNITO_ERROR (every code each operation can return has its own
 * text), KW_SECRET_ERROR, KW_CONNECTION_ERROR, KW_AWS_CONFIG_ERROR,
 * KW_RECOVERY_ERROR and G_IO_ERROR_CANCELLED (a quiet "Cancelled"); any
 * other error gets a generic text and KwUserMessage:generic is %TRUE. */
KwUserMessage *kw_user_message_new_for_error   (const GError       *error,
                                                KwCognitoOperation  operation,
                                                KwConnection       *connection);

const char    *kw_user_message_get_title       (KwUserMessage *self);
const char    *kw_user_message_get_body        (KwUserMessage *self);
KwUserAction   kw_user_message_get_action      (KwUserMessage *self);
/* A translated button label for the action, or %NULL for NONE. */
const char    *kw_user_message_get_action_label (KwUserMessage *self);
/* For KW_USER_ACTION_WAIT: when trying again makes sense; else %NULL. */
GDateTime     *kw_user_message_get_wait_until  (KwUserMessage *self);
/* Technical details: the error's name (e.g. "CodeMismatchException"), the
 * request id, the HTTP status, the service's own message; %NULL parts are
 * left out. Never a secret. */
const char    *kw_user_message_get_error_name  (KwUserMessage *self);
const char    *kw_user_message_get_request_id  (KwUserMessage *self);
char          *kw_user_message_dup_details     (KwUserMessage *self);
/* TRUE when no specific text matched the error. */
gboolean       kw_user_message_get_generic     (KwUserMessage *self);

G_END_DECLS
