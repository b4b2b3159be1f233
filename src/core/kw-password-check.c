/* kw-password-check.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-password-check.h"

#include "kw-core-enums.h"

#include <string.h>

struct _KwPasswordCheck
{
  GObject           parent_instance;

  KwPasswordPolicy *policy;
  char             *password;       /* never NULL; wiped when replaced */
  char             *confirmation;   /* never NULL; wiped when replaced */
  char             *server_reason;

  /* Derived from the above, kept to notify only what changes. */
  KwPasswordRules   satisfied;
  gboolean          matches;
};

G_DEFINE_FINAL_TYPE (KwPasswordCheck, kw_password_check, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_PASSWORD,
  PROP_CONFIRMATION,
  PROP_SATISFIED,
  PROP_UNSATISFIED,
  PROP_MATCHES,
  PROP_ACCEPTABLE,
  PROP_SERVER_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wipe_and_free (char *secret)
{
  if (secret != NULL)
    {
      explicit_bzero (secret, strlen (secret));
      g_free (secret);
    }
}

/* Recomputes the derived state and notifies each property whose value
 * changed, and only those. The state is stored first, so that a handler
 * sees every property's new value whichever notify it is in. */
static void
update_state (KwPasswordCheck *self)
{
  KwPasswordRules old_satisfied = self->satisfied;
  KwPasswordRules old_unsatisfied = kw_password_check_get_unsatisfied (self);
  gboolean old_matches = self->matches;
  gboolean old_acceptable = kw_password_check_get_acceptable (self);

  self->satisfied = kw_password_policy_check (self->policy, self->password) &
                    kw_password_policy_get_rules (self->policy);
  self->matches = self->password[0] != '\0' &&
                  strcmp (self->password, self->confirmation) == 0;

  if (self->satisfied != old_satisfied)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFIED]);
  if (kw_password_check_get_unsatisfied (self) != old_unsatisfied)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSATISFIED]);
  if (self->matches != old_matches)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCHES]);
  if (kw_password_check_get_acceptable (self) != old_acceptable)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTABLE]);
}

/* Replaces one of the two secrets; FALSE when it is unchanged, which is
 * not an edit (an entry notifies its text only when it changes, too). */
static gboolean
replace_secret (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";

  if (strcmp (*field, value) == 0)
    return FALSE;

  wipe_and_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* The two secrets are write-only, and GObject never emits notify for a
 * property that cannot be read, so only what derives from them notifies. */
static void
set_secret (KwPasswordCheck  *self,
            char            **field,
            const char       *value)
{
  if (!replace_secret (field, value))
    return;

  /* Frozen, so that a handler of any of the notifies below finds the
   * server's reason and the derived state already brought up to date. */
  g_object_freeze_notify (G_OBJECT (self));

  /* The server's verdict was about the password it was sent; after any
   * edit it no longer describes what the form holds. */
  kw_password_check_set_server_reason (self, NULL);
  update_state (self);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
kw_password_check_constructed (GObject *object)
{
  KwPasswordCheck *self = KW_PASSWORD_CHECK (object);

  G_OBJECT_CLASS (kw_password_check_parent_class)->constructed (object);

  if (self->policy == NULL)
    self->policy = kw_password_policy_new_default ();

  /* The starting state, before anyone can be listening. */
  self->satisfied = kw_password_policy_check (self->policy, self->password) &
                    kw_password_policy_get_rules (self->policy);
  self->matches = FALSE;
}

static void
kw_password_check_finalize (GObject *object)
{
  KwPasswordCheck *self = KW_PASSWORD_CHECK (object);

  g_clear_pointer (&self->policy, kw_password_policy_free);
  g_clear_pointer (&self->password, wipe_and_free);
  g_clear_pointer (&self->confirmation, wipe_and_free);
  g_clear_pointer (&self->server_reason, g_free);

  G_OBJECT_CLASS (kw_password_check_parent_class)->finalize (object);
}

static void
kw_password_check_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KwPasswordCheck *self = KW_PASSWORD_CHECK (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_boxed (value, self->policy);
      break;
    case PROP_SATISFIED:
      g_value_set_flags (value, kw_password_check_get_satisfied (self));
      break;
    case PROP_UNSATISFIED:
      g_value_set_flags (value, kw_password_check_get_unsatisfied (self));
      break;
    case PROP_MATCHES:
      g_value_set_boolean (value, kw_password_check_get_matches (self));
      break;
    case PROP_ACCEPTABLE:
      g_value_set_boolean (value, kw_password_check_get_acceptable (self));
      break;
    case PROP_SERVER_REASON:
      g_value_set_string (value, kw_password_check_get_server_reason (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_password_check_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KwPasswordCheck *self = KW_PASSWORD_CHECK (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      {
        const KwPasswordPolicy *policy = g_value_get_boxed (value);

        if (policy != NULL)
          self->policy = kw_password_policy_copy (policy);
      }
      break;
    case PROP_PASSWORD:
      kw_password_check_set_password (self, g_value_get_string (value));
      break;
    case PROP_CONFIRMATION:
      kw_password_check_set_confirmation (self, g_value_get_string (value));
      break;
    case PROP_SERVER_REASON:
      kw_password_check_set_server_reason (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_password_check_class_init (KwPasswordCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kw_password_check_constructed;
  object_class->finalize = kw_password_check_finalize;
  object_class->get_property = kw_password_check_get_property;
  object_class->set_property = kw_password_check_set_property;

  /**
   * KwPasswordCheck:policy:
   *
   * The pool's password policy; Cognito's default when unset.
   */
  properties[PROP_POLICY] =
    g_param_spec_boxed ("policy", NULL, NULL, KW_TYPE_PASSWORD_POLICY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:password:
   *
   * The new password as typed. Write-only, so that no property dump or
   * binding can read it back.
   */
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:confirmation:
   *
   * The password typed a second time. Write-only, like #KwPasswordCheck:password.
   */
  properties[PROP_CONFIRMATION] =
    g_param_spec_string ("confirmation", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:satisfied:
   *
   * The rules of the policy that the password meets.
   */
  properties[PROP_SATISFIED] =
    g_param_spec_flags ("satisfied", NULL, NULL,
                        KW_TYPE_PASSWORD_RULES, KW_PASSWORD_RULE_NONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:unsatisfied:
   *
   * The rules of the policy that the password does not meet yet.
   */
  properties[PROP_UNSATISFIED] =
    g_param_spec_flags ("unsatisfied", NULL, NULL,
                        KW_TYPE_PASSWORD_RULES, KW_PASSWORD_RULE_NONE,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:matches:
   *
   * Whether the password and its confirmation are the same and not empty.
   */
  properties[PROP_MATCHES] =
    g_param_spec_boolean ("matches", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:acceptable:
   *
   * Whether the password meets every rule and the confirmation matches: the
   * form may be submitted.
   */
  properties[PROP_ACCEPTABLE] =
    g_param_spec_boolean ("acceptable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KwPasswordCheck:server-reason:
   *
   * Why the server refused the password last sent (InvalidPassword or
   * PasswordHistoryPolicyViolation), for the form to show; cleared by any
   * edit of the password or the confirmation.
   */
  properties[PROP_SERVER_REASON] =
    g_param_spec_string ("server-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_password_check_init (KwPasswordCheck *self)
{
  self->password = g_strdup ("");
  self->confirmation = g_strdup ("");
}

/**
 * kw_password_check_new:
 * @policy: (nullable): the pool's policy, or %NULL for Cognito's default
 *
 * Returns: (transfer full): a new check with both entries empty
 */
KwPasswordCheck *
kw_password_check_new (const KwPasswordPolicy *policy)
{
  return g_object_new (KW_TYPE_PASSWORD_CHECK,
                       "policy", policy,
                       NULL);
}

const KwPasswordPolicy *
kw_password_check_get_policy (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), NULL);

  return self->policy;
}

/**
 * kw_password_check_set_password:
 * @password: (nullable): the password as typed; %NULL is the same as empty
 *
 * The previous value is overwritten before it is freed.
 */
void
kw_password_check_set_password (KwPasswordCheck *self,
                                const char      *password)
{
  g_return_if_fail (KW_IS_PASSWORD_CHECK (self));

  set_secret (self, &self->password, password);
}

/**
 * kw_password_check_set_confirmation:
 * @confirmation: (nullable): the confirmation as typed; %NULL is the same as empty
 *
 * The previous value is overwritten before it is freed.
 */
void
kw_password_check_set_confirmation (KwPasswordCheck *self,
                                    const char      *confirmation)
{
  g_return_if_fail (KW_IS_PASSWORD_CHECK (self));

  set_secret (self, &self->confirmation, confirmation);
}

KwPasswordRules
kw_password_check_get_satisfied (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), KW_PASSWORD_RULE_NONE);

  return self->satisfied;
}

KwPasswordRules
kw_password_check_get_unsatisfied (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), KW_PASSWORD_RULE_NONE);

  return kw_password_policy_get_rules (self->policy) & ~self->satisfied;
}

gboolean
kw_password_check_get_matches (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), FALSE);

  return self->matches;
}

gboolean
kw_password_check_get_acceptable (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), FALSE);

  return kw_password_check_get_unsatisfied (self) == KW_PASSWORD_RULE_NONE && self->matches;
}

const char *
kw_password_check_get_server_reason (KwPasswordCheck *self)
{
  g_return_val_if_fail (KW_IS_PASSWORD_CHECK (self), NULL);

  return self->server_reason;
}

/**
 * kw_password_check_set_server_reason:
 * @reason: (nullable): the server's reason for refusing the password, or
 *   %NULL to clear it; an empty reason clears it too
 *
 * Set by the recovery flow from an InvalidPassword or
 * PasswordHistoryPolicyViolation answer. It does not change
 * #KwPasswordCheck:acceptable, which is about the rules Keyway knows.
 */
void
kw_password_check_set_server_reason (KwPasswordCheck *self,
                                     const char      *reason)
{
  g_return_if_fail (KW_IS_PASSWORD_CHECK (self));

  if (reason != NULL && *reason == '\0')
    reason = NULL;

  if (g_strcmp0 (self->server_reason, reason) == 0)
    return;

  g_free (self->server_reason);
  self->server_reason = g_strdup (reason);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_REASON]);
}
