/* kw-password-check.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kw-password-policy.h"

G_BEGIN_DECLS

#define KW_TYPE_PASSWORD_CHECK (kw_password_check_get_type ())

G_DECLARE_FINAL_TYPE (KwPasswordCheck, kw_password_check, KW, PASSWORD_CHECK, GObject)

/* Live state of a new-password form, for a page to bind to: set the two
 * entries' text, read which rules are met and whether the entries match.
 *
 * Properties: policy (boxed KwPasswordPolicy, construct), password and
 * confirmation (write-only strings, wiped when replaced), satisfied and
 * unsatisfied (KwPasswordRules flags, over the rules that apply), matches
 * (both non-empty and equal), acceptable (every rule met and matches),
 * server-reason (nullable string: the server's verdict from the last
 * InvalidPassword or PasswordHistoryPolicyViolation, cleared on any edit). */

KwPasswordCheck        *kw_password_check_new               (const KwPasswordPolicy *policy);
const KwPasswordPolicy *kw_password_check_get_policy        (KwPasswordCheck *self);
void                    kw_password_check_set_password      (KwPasswordCheck *self,
                                                             const char      *password);
void                    kw_password_check_set_confirmation  (KwPasswordCheck *self,
                                                             const char      *confirmation);
KwPasswordRules         kw_password_check_get_satisfied     (KwPasswordCheck *self);
KwPasswordRules         kw_password_check_get_unsatisfied   (KwPasswordCheck *self);
gboolean                kw_password_check_get_matches       (KwPasswordCheck *self);
gboolean                kw_password_check_get_acceptable    (KwPasswordCheck *self);
const char             *kw_password_check_get_server_reason (KwPasswordCheck *self);
void                    kw_password_check_set_server_reason (KwPasswordCheck *self,
                                                             const char      *reason);

G_END_DECLS
