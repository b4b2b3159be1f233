/* kw-cognito-types.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  KW_DELIVERY_MEDIUM_UNKNOWN,
  KW_DELIVERY_MEDIUM_EMAIL,
  KW_DELIVERY_MEDIUM_SMS,
} KwDeliveryMedium;

typedef enum
{
  KW_USER_STATUS_UNKNOWN,
  KW_USER_STATUS_UNCONFIRMED,
  KW_USER_STATUS_CONFIRMED,
  KW_USER_STATUS_ARCHIVED,
  KW_USER_STATUS_COMPROMISED,
  KW_USER_STATUS_RESET_REQUIRED,
  KW_USER_STATUS_FORCE_CHANGE_PASSWORD,
  KW_USER_STATUS_EXTERNAL_PROVIDER,
} KwUserStatus;

#define KW_TYPE_CODE_DELIVERY_DETAILS (kw_code_delivery_details_get_type ())

/**
 * KwCodeDeliveryDetails:
 * @destination: (nullable): where the code went, masked by Cognito (`a***@e***`)
 * @delivery_medium: (nullable): `EMAIL` or `SMS` as sent
 * @attribute_name: (nullable): the attribute used, such as `email`
 * @medium: @delivery_medium as an enum
 */
typedef struct
{
  char             *destination;
  char             *delivery_medium;
  char             *attribute_name;
  KwDeliveryMedium  medium;
} KwCodeDeliveryDetails;

GType                  kw_code_delivery_details_get_type (void) G_GNUC_CONST;
KwCodeDeliveryDetails *kw_code_delivery_details_new      (const char *destination,
                                                          const char *delivery_medium,
                                                          const char *attribute_name);
KwCodeDeliveryDetails *kw_code_delivery_details_copy     (const KwCodeDeliveryDetails *self);
void                   kw_code_delivery_details_free     (KwCodeDeliveryDetails       *self);

#define KW_TYPE_COGNITO_USER (kw_cognito_user_get_type ())

/**
 * KwCognitoUser:
 * @username: the user's real username (AdminGetUser resolves aliases)
 * @attributes: (element-type utf8 utf8): attribute name to value
 * @status: (nullable): `UserStatus` as sent
 * @status_code: @status as an enum
 * @enabled: whether the user may sign in
 * @created: (nullable): `UserCreateDate`
 * @modified: (nullable): `UserLastModifiedDate`
 * @mfa_settings: (nullable): `UserMFASettingList`
 * @preferred_mfa: (nullable): `PreferredMfaSetting`
 */
typedef struct
{
  char         *username;
  GHashTable   *attributes;
  char         *status;
  KwUserStatus  status_code;
  gboolean      enabled;
  GDateTime    *created;
  GDateTime    *modified;
  GStrv         mfa_settings;
  char         *preferred_mfa;
} KwCognitoUser;

GType          kw_cognito_user_get_type      (void) G_GNUC_CONST;
KwCognitoUser *kw_cognito_user_new           (const char          *username);
KwCognitoUser *kw_cognito_user_copy          (const KwCognitoUser *self);
void           kw_cognito_user_free          (KwCognitoUser       *self);
const char    *kw_cognito_user_get_attribute (const KwCognitoUser *self,
                                              const char          *name);
gboolean       kw_cognito_user_attribute_is_true (const KwCognitoUser *self,
                                                  const char          *name);
char         **kw_cognito_user_dup_attribute_names (const KwCognitoUser *self);

KwUserStatus   kw_user_status_from_string    (const char          *status);
KwDeliveryMedium kw_delivery_medium_from_string (const char       *medium);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCodeDeliveryDetails, kw_code_delivery_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwCognitoUser, kw_cognito_user_free)

G_END_DECLS

G_BEGIN_DECLS

/**
 * KwCognitoExtras:
 * @client_metadata: (nullable) (element-type utf8 utf8): `ClientMetadata`, for the
 *   pool's Lambda triggers
 * @analytics_endpoint_id: (nullable): `AnalyticsMetadata.AnalyticsEndpointId`
 * @user_context_ip_address: (nullable): `UserContextData.IpAddress`
 * @user_context_encoded_data: (nullable): `UserContextData.EncodedData`
 *
 * The optional request members that the recovery operations share. Each
 * operation sends only those its model has.
 */
typedef struct
{
  GHashTable *client_metadata;
  const char *analytics_endpoint_id;
  const char *user_context_ip_address;
  const char *user_context_encoded_data;
} KwCognitoExtras;

G_END_DECLS
