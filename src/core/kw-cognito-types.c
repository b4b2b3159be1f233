/* kw-cognito-types.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-types.h"

#include <string.h>

G_DEFINE_BOXED_TYPE (KwCodeDeliveryDetails, kw_code_delivery_details,
                     kw_code_delivery_details_copy, kw_code_delivery_details_free)
G_DEFINE_BOXED_TYPE (KwCognitoUser, kw_cognito_user,
                     kw_cognito_user_copy, kw_cognito_user_free)

KwDeliveryMedium
kw_delivery_medium_from_string (const char *medium)
{
  if (g_strcmp0 (medium, "EMAIL") == 0)
    return KW_DELIVERY_MEDIUM_EMAIL;
  if (g_strcmp0 (medium, "SMS") == 0)
    return KW_DELIVERY_MEDIUM_SMS;

  return KW_DELIVERY_MEDIUM_UNKNOWN;
}

/**
 * kw_code_delivery_details_new:
 *
 * Returns: (transfer full): where a code went; every field may be %NULL
 */
KwCodeDeliveryDetails *
kw_code_delivery_details_new (const char *destination,
                              const char *delivery_medium,
                              const char *attribute_name)
{
  KwCodeDeliveryDetails *self = g_new0 (KwCodeDeliveryDetails, 1);

  self->destination = g_strdup (destination);
  self->delivery_medium = g_strdup (delivery_medium);
  self->attribute_name = g_strdup (attribute_name);
  self->medium = kw_delivery_medium_from_string (delivery_medium);

  return self;
}

KwCodeDeliveryDetails *
kw_code_delivery_details_copy (const KwCodeDeliveryDetails *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return kw_code_delivery_details_new (self->destination, self->delivery_medium,
                                       self->attribute_name);
}

void
kw_code_delivery_details_free (KwCodeDeliveryDetails *self)
{
  if (self == NULL)
    return;

  g_free (self->destination);
  g_free (self->delivery_medium);
  g_free (self->attribute_name);
  g_free (self);
}

KwUserStatus
kw_user_status_from_string (const char *status)
{
  static const struct {
    const char   *name;
    KwUserStatus  status;
  } statuses[] = {
    { "UNCONFIRMED", KW_USER_STATUS_UNCONFIRMED },
    { "CONFIRMED", KW_USER_STATUS_CONFIRMED },
    { "ARCHIVED", KW_USER_STATUS_ARCHIVED },
    { "COMPROMISED", KW_USER_STATUS_COMPROMISED },
    { "RESET_REQUIRED", KW_USER_STATUS_RESET_REQUIRED },
    { "FORCE_CHANGE_PASSWORD", KW_USER_STATUS_FORCE_CHANGE_PASSWORD },
    { "EXTERNAL_PROVIDER", KW_USER_STATUS_EXTERNAL_PROVIDER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (g_strcmp0 (status, statuses[i].name) == 0)
        return statuses[i].status;
    }

  return KW_USER_STATUS_UNKNOWN;
}

/**
 * kw_cognito_user_new:
 *
 * Returns: (transfer full): a user with no attributes, enabled
 */
KwCognitoUser *
kw_cognito_user_new (const char *username)
{
  KwCognitoUser *self = g_new0 (KwCognitoUser, 1);

  self->username = g_strdup (username);
  self->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->enabled = TRUE;

  return self;
}

KwCognitoUser *
kw_cognito_user_copy (const KwCognitoUser *self)
{
  KwCognitoUser *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = kw_cognito_user_new (self->username);
  g_hash_table_iter_init (&iter, self->attributes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->attributes, g_strdup (key), g_strdup (value));
  copy->status = g_strdup (self->status);
  copy->status_code = self->status_code;
  copy->enabled = self->enabled;
  copy->created = self->created != NULL ? g_date_time_ref (self->created) : NULL;
  copy->modified = self->modified != NULL ? g_date_time_ref (self->modified) : NULL;
  copy->mfa_settings = g_strdupv (self->mfa_settings);
  copy->preferred_mfa = g_strdup (self->preferred_mfa);

  return copy;
}

void
kw_cognito_user_free (KwCognitoUser *self)
{
  if (self == NULL)
    return;

  g_free (self->username);
  g_hash_table_unref (self->attributes);
  g_free (self->status);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_strfreev (self->mfa_settings);
  g_free (self->preferred_mfa);
  g_free (self);
}

const char *
kw_cognito_user_get_attribute (const KwCognitoUser *self,
                               const char          *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->attributes, name);
}

/* Cognito sends flags such as email_verified as the strings "true"/"false". */
gboolean
kw_cognito_user_attribute_is_true (const KwCognitoUser *self,
                                   const char          *name)
{
  return g_strcmp0 (kw_cognito_user_get_attribute (self, name), "true") == 0;
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * kw_cognito_user_dup_attribute_names:
 *
 * Returns: (transfer full): the attribute names, sorted, for stable output
 */
char **
kw_cognito_user_dup_attribute_names (const KwCognitoUser *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys = 0;
  char **names;

  g_return_val_if_fail (self != NULL, NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->attributes, &n_keys);
  names = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    names[i] = g_strdup (keys[i]);
  qsort (names, n_keys, sizeof (char *), compare_names);

  return names;
}
