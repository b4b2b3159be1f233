/* kw-helpdesk-text.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-text.h"

#include <glib/gi18n-lib.h>

/**
 * kw_helpdesk_status_get_title:
 * @status: a user's status
 *
 * Returns: the status in a word or two, translated
 */
const char *
kw_helpdesk_status_get_title (KwUserStatus status)
{
  switch (status)
    {
    case KW_USER_STATUS_UNCONFIRMED:
      return _("Unconfirmed");
    case KW_USER_STATUS_CONFIRMED:
      return _("Confirmed");
    case KW_USER_STATUS_ARCHIVED:
      return _("Archived");
    case KW_USER_STATUS_COMPROMISED:
      return _("Compromised");
    case KW_USER_STATUS_RESET_REQUIRED:
      return _("Reset required");
    case KW_USER_STATUS_FORCE_CHANGE_PASSWORD:
      return _("Must change password");
    case KW_USER_STATUS_EXTERNAL_PROVIDER:
      return _("External provider");
    case KW_USER_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}

/**
 * kw_helpdesk_status_get_description:
 * @status: a user's status
 *
 * Returns: what @status means for the user, translated
 */
const char *
kw_helpdesk_status_get_description (KwUserStatus status)
{
  switch (status)
    {
    case KW_USER_STATUS_UNCONFIRMED:
      return _("Signed up but never confirmed the account, so cannot sign in yet.");
    case KW_USER_STATUS_CONFIRMED:
      return _("Signs in with a password of their own.");
    case KW_USER_STATUS_ARCHIVED:
      return _("The account is archived and no longer in use.");
    case KW_USER_STATUS_COMPROMISED:
      return _("Blocked because the password may be known to others. The user needs a new "
               "password.");
    case KW_USER_STATUS_RESET_REQUIRED:
      return _("Must choose a new password with a reset code before signing in again.");
    case KW_USER_STATUS_FORCE_CHANGE_PASSWORD:
      return _("Has a temporary password and must choose a new one at the next sign-in. Until "
               "then, “Forgot password” does not work for this user.");
    case KW_USER_STATUS_EXTERNAL_PROVIDER:
      return _("Signs in through another identity provider, so this user pool holds no "
               "password to reset.");
    case KW_USER_STATUS_UNKNOWN:
    default:
      return _("The user pool reports a status Keyway does not know.");
    }
}

/**
 * kw_helpdesk_format_date:
 * @time: (nullable): a time
 *
 * Returns: (transfer full) (nullable): @time in local time, as the
 *   translation writes dates
 */
char *
kw_helpdesk_format_date (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return NULL;

  local = g_date_time_to_local (time);

  /* Translators: a date and time, in the format of g_date_time_format(),
   * for when a user account was created or last changed, such as
   * "3 March 2026, 14:05". */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static const char *
verified_value (const KwCognitoUser *user,
                const char          *attribute)
{
  g_autofree char *verified_name = g_strconcat (attribute, "_verified", NULL);
  const char *value = kw_cognito_user_get_attribute (user, attribute);

  if (value == NULL || *value == '\0' ||
      !kw_cognito_user_attribute_is_true (user, verified_name))
    return NULL;

  return value;
}

/**
 * kw_helpdesk_dup_verified_contacts:
 * @user: a user
 *
 * Returns: (transfer full) (nullable): where a code can go, or %NULL when
 *   the user has no verified email address or phone number
 */
char *
kw_helpdesk_dup_verified_contacts (const KwCognitoUser *user)
{
  const char *email;
  const char *phone;

  g_return_val_if_fail (user != NULL, NULL);

  email = verified_value (user, "email");
  phone = verified_value (user, "phone_number");

  if (email != NULL && phone != NULL)
    /* Translators: the user's verified email address and phone number. */
    return g_strdup_printf (_("%s and %s"), email, phone);

  if (email != NULL)
    return g_strdup (email);

  return g_strdup (phone);
}

/**
 * kw_helpdesk_describe_identity:
 * @session: a signed-in session
 *
 * Returns: (transfer full): which keys @session acts with, such as "Access
 *   key ****MPLE from the AWS profile “helpdesk”, temporary keys"
 */
char *
kw_helpdesk_describe_identity (KwHelpdeskSession *session)
{
  const char *key = NULL;
  g_autofree char *keys = NULL;

  g_return_val_if_fail (KW_IS_HELPDESK_SESSION (session), NULL);

  key = kw_helpdesk_session_get_masked_key_id (session);

  switch (kw_helpdesk_session_get_credentials_source (session))
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      /* Translators: the first placeholder is an AWS access key id with
       * all but its last four characters hidden, the second the name of an
       * AWS profile. */
      keys = g_strdup_printf (_("Access key %s from the AWS profile “%s”"), key,
                              kw_helpdesk_session_get_aws_profile (session));
      break;

    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      /* Translators: the placeholder is an AWS access key id with all but
       * its last four characters hidden. */
      keys = g_strdup_printf (_("Access key %s from the environment"), key);
      break;

    case KW_CREDENTIALS_SOURCE_KEYRING:
      /* Translators: the placeholder is an AWS access key id with all but
       * its last four characters hidden. */
      keys = g_strdup_printf (_("Access key %s saved in the keyring"), key);
      break;

    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      keys = g_strdup_printf (_("Access key %s"), key);
      break;
    }

  if (kw_helpdesk_session_get_temporary (session))
    /* Translators: the placeholder says which AWS keys are in use, such as
     * "Access key ****MPLE from the environment"; these keys come with a
     * session token, and expire. */
    return g_strdup_printf (_("%s, temporary keys"), keys);

  return g_steal_pointer (&keys);
}
