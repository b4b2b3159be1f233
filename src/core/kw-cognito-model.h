/* kw-cognito-model.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "kw-cognito-error.h"

G_BEGIN_DECLS

typedef enum
{
  KW_COGNITO_OPERATION_FORGOT_PASSWORD,
  KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD,
  KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD,
  KW_COGNITO_OPERATION_ADMIN_GET_USER,
  KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD,
  KW_COGNITO_OPERATION_LIST_USERS,
} KwCognitoOperation;

#define KW_COGNITO_N_OPERATIONS (KW_COGNITO_OPERATION_LIST_USERS + 1)

typedef enum
{
  KW_SHAPE_STRING,
  KW_SHAPE_BOOLEAN,
  KW_SHAPE_INTEGER,
  KW_SHAPE_MAP,
  KW_SHAPE_LIST,
  KW_SHAPE_STRUCTURE,
} KwShapeKind;

typedef struct _KwShape  KwShape;
typedef struct _KwMember KwMember;

/* A request shape from the service model, with its constraints. A bound of
 * -1 means the model sets none. */
struct _KwShape
{
  const char     *name;
  KwShapeKind     kind;
  gint64          min;
  gint64          max;
  const char     *pattern;
  const KwShape  *element;    /* map values and list members; map keys share it */
  const KwMember *members;    /* structures: terminated by a member with a NULL name */
};

struct _KwMember
{
  const char    *name;
  const KwShape *shape;
  gboolean       required;
};

const char           *kw_cognito_operation_get_name    (KwCognitoOperation  operation);
gboolean              kw_cognito_operation_is_signed   (KwCognitoOperation  operation);
const KwMember       *kw_cognito_operation_get_input   (KwCognitoOperation  operation);
const KwCognitoError *kw_cognito_operation_get_errors  (KwCognitoOperation  operation,
                                                        guint              *n_errors);
gboolean              kw_cognito_operation_can_return  (KwCognitoOperation  operation,
                                                        KwCognitoError      code);

gboolean              kw_cognito_validate_input        (KwCognitoOperation  operation,
                                                        JsonObject         *input,
                                                        GError            **error);
const KwShape        *kw_cognito_shape_lookup          (const char         *name);
gboolean              kw_cognito_validate_string       (const KwShape      *shape,
                                                        const char         *field,
                                                        const char         *value,
                                                        GError            **error);

G_END_DECLS
