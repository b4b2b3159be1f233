/* kw-password-policy.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KW_PASSWORD_POLICY_DEFAULT_MINIMUM_LENGTH  8
#define KW_PASSWORD_POLICY_MIN_MINIMUM_LENGTH      6
#define KW_PASSWORD_POLICY_MAX_MINIMUM_LENGTH     99
#define KW_PASSWORD_MAX_LENGTH                   256

/* Each rule a password can be checked against. */
typedef enum /*< flags >*/
{
  KW_PASSWORD_RULE_NONE        = 0,
  KW_PASSWORD_RULE_LENGTH      = 1 << 0,  /* at least the minimum length, at most 256 */
  KW_PASSWORD_RULE_UPPERCASE   = 1 << 1,  /* an uppercase Basic Latin letter */
  KW_PASSWORD_RULE_LOWERCASE   = 1 << 2,  /* a lowercase Basic Latin letter */
  KW_PASSWORD_RULE_NUMBER      = 1 << 3,  /* a digit 0–9 */
  KW_PASSWORD_RULE_SYMBOL      = 1 << 4,  /* one of Cognito's special characters */
  KW_PASSWORD_RULE_NO_SPACE    = 1 << 5,  /* no white space (the API's \S pattern); always applies */
} KwPasswordRules;

/* A user pool's password policy, as far as a connection knows it. */
#define KW_TYPE_PASSWORD_POLICY (kw_password_policy_get_type ())

typedef struct
{
  guint    minimum_length;
  gboolean require_uppercase;
  gboolean require_lowercase;
  gboolean require_numbers;
  gboolean require_symbols;
} KwPasswordPolicy;

GType             kw_password_policy_get_type      (void) G_GNUC_CONST;
KwPasswordPolicy *kw_password_policy_new_default   (void);
KwPasswordPolicy *kw_password_policy_copy          (const KwPasswordPolicy *self);
void              kw_password_policy_free          (KwPasswordPolicy       *self);
void              kw_password_policy_init_default  (KwPasswordPolicy       *self);
gboolean          kw_password_policy_equal         (const KwPasswordPolicy *a,
                                                    const KwPasswordPolicy *b);

/* The rules this policy applies, always including LENGTH and NO_SPACE. */
KwPasswordRules   kw_password_policy_get_rules     (const KwPasswordPolicy *self);
/* The rules @password meets, among all of them (not only those that apply). */
KwPasswordRules   kw_password_policy_check         (const KwPasswordPolicy *self,
                                                    const char             *password);
gboolean          kw_password_policy_accepts       (const KwPasswordPolicy *self,
                                                    const char             *password);

/* A translated sentence for one rule, e.g. "At least 8 characters". */
char             *kw_password_rule_describe        (KwPasswordRules         rule,
                                                    const KwPasswordPolicy *policy);

/* Cognito's special characters: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - */
gboolean          kw_password_is_symbol            (gunichar                c);

/* A random password from the kernel's CSPRNG that meets @self, at least
 * 16 characters and never white space; for temporary passwords. */
char             *kw_password_policy_generate      (const KwPasswordPolicy *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwPasswordPolicy, kw_password_policy_free)

G_END_DECLS
