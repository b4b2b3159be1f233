/* kw-helpdesk-signin-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-helpdesk-signin.h"

G_BEGIN_DECLS

/* The rows of the source combo, in order. */
enum {
  SOURCE_ROW_PROFILE,
  SOURCE_ROW_ENVIRONMENT,
  SOURCE_ROW_KEYRING,
};

struct _KwHelpdeskSignin
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkWidget         *form_box;
  GtkWidget         *connection_group;
  AdwComboRow       *connection_row;
  AdwComboRow       *source_row;
  AdwComboRow       *profile_row;
  GtkStringList     *profiles;
  AdwActionRow      *environment_row;
  GtkWidget         *key_id_row;
  GtkWidget         *secret_row;
  GtkWidget         *token_row;
  GtkLabel          *error_label;
  GtkLabel          *note_label;
  GtkWidget         *sign_in_button;
  GtkSpinner        *spinner;

  /* Owned references */
  GListModel        *connections;        /* the helpdesk ones, filtered */
  KwSecretStore     *secrets;
  KwConnectionStore *store;
  KwDemo            *demo;
  KwAuditLog        *audit_log;
  GStrv              profile_names;      /* of ~/.aws, once read */
  char              *profiles_problem;   /* why they could not be read */
  GCancellable      *cancellable;        /* the sign-in in flight */
  GCancellable      *profiles_cancellable;

  gboolean           busy;
  gboolean           loading;            /* filling the form in, not the person typing */
};

/* The form (kw-helpdesk-signin.c) */
gboolean            _kw_helpdesk_signin_is_disposed     (KwHelpdeskSignin  *self);
KwCredentialsSource _kw_helpdesk_signin_get_source      (KwHelpdeskSignin  *self);
const char         *_kw_helpdesk_signin_get_profile     (KwHelpdeskSignin  *self);
char               *_kw_helpdesk_signin_dup_text        (GtkWidget         *editable);
void                _kw_helpdesk_signin_clear_errors    (KwHelpdeskSignin  *self);
void                _kw_helpdesk_signin_clear_secrets   (KwHelpdeskSignin  *self);
void                _kw_helpdesk_signin_set_busy        (KwHelpdeskSignin  *self,
                                                         gboolean           busy);
void                _kw_helpdesk_signin_emit_signed_in  (KwHelpdeskSignin  *self,
                                                         KwHelpdeskSession *session);

/* Signing in (kw-helpdesk-signin-apply.c) */
void                _kw_helpdesk_signin_sign_in_action  (GtkWidget         *widget,
                                                         const char        *action_name,
                                                         GVariant          *param);

G_END_DECLS
