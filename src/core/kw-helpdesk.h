/* kw-helpdesk.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-audit-log.h"
#include "kw-cognito-client.h"
#include "kw-password-policy.h"

G_BEGIN_DECLS

/* How a lookup query is read. */
typedef enum
{
  KW_LOOKUP_USERNAME,
  KW_LOOKUP_EMAIL,      /* contains an @ with a dot after it: ListUsers email = "…" */
  KW_LOOKUP_PHONE,      /* E.164-like: + then digits (spaces, dashes, dots ignored): phone_number = "…" */
} KwLookupKind;

#define KW_TYPE_HELPDESK (kw_helpdesk_get_type ())

G_DECLARE_FINAL_TYPE (KwHelpdesk, kw_helpdesk, KW, HELPDESK, GObject)

/* Helpdesk actions on one user pool, with a signed client. Every action that
 * changes a user is written to @audit_log (nullable: no log) as @actor,
 * with its outcome; a request the service throttled changed nothing and is
 * not written.
 * Properties: client, user-pool-id, audit-log, actor, password-policy (for
 * generated temporary passwords), all construct-only. */
KwHelpdesk      *kw_helpdesk_new                (KwCognitoClient        *client,
                                                 const char             *user_pool_id,
                                                 const KwPasswordPolicy *policy,
                                                 KwAuditLog             *audit_log,
                                                 const char             *actor);
KwCognitoClient *kw_helpdesk_get_client         (KwHelpdesk   *self);
const char      *kw_helpdesk_get_user_pool_id   (KwHelpdesk   *self);

KwLookupKind     kw_helpdesk_classify_query     (const char   *query);
/* The ListUsers filter for an email or phone query, quotes escaped; NULL for
 * a username. */
char            *kw_helpdesk_filter_for_query   (const char   *query);

/* Finds users: AdminGetUser for a username (a UserNotFound error when there
 * is none), ListUsers with a filter for an email or phone (an empty array
 * when nobody matches). Returns a GPtrArray of KwCognitoUser. */
void       kw_helpdesk_lookup_async                 (KwHelpdesk          *self,
                                                     const char          *query,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray *kw_helpdesk_lookup_finish                (KwHelpdesk          *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* AdminResetUserPassword, audited. @client_metadata (nullable, string to
 * string) goes to the pool's Lambda triggers. */
void       kw_helpdesk_reset_async                  (KwHelpdesk          *self,
                                                     const char          *username,
                                                     GHashTable          *client_metadata,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   kw_helpdesk_reset_finish                 (KwHelpdesk          *self,
                                                     GAsyncResult        *result,
                                                     char               **request_id,
                                                     GError             **error);
/* AdminSetUserPassword with the caller's password, audited (without the
 * password). */
void       kw_helpdesk_set_password_async           (KwHelpdesk          *self,
                                                     const char          *username,
                                                     const char          *password,
                                                     gboolean             permanent,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   kw_helpdesk_set_password_finish          (KwHelpdesk          *self,
                                                     GAsyncResult        *result,
                                                     char               **request_id,
                                                     GError             **error);
/* AdminSetUserPassword with Permanent false and a generated password that
 * meets the policy, audited (without the password). Returns the password,
 * to be shown once; free it with kw_secret_free(). */
void       kw_helpdesk_set_temporary_password_async  (KwHelpdesk          *self,
                                                      const char          *username,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
char      *kw_helpdesk_set_temporary_password_finish (KwHelpdesk          *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

G_END_DECLS
