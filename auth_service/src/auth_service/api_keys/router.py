"""``/api/v1/auth/api-keys``: the caller's API keys (bearer token required)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from auth_service.api_keys.schemas import ApiKeyCreatedOut, ApiKeyIn, ApiKeyList, ApiKeyOut
from auth_service.api_keys.service import ApiKeyService
from auth_service.principals import BearerUser
from auth_service.runtime import RuntimeDep, client_ip
from dnd_shared.db.engine import SessionDep

router = APIRouter(prefix="/api/v1/auth/api-keys", tags=["api keys"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ApiKeyCreatedOut,
             summary="Create an API key; the key is in this response only")
async def create_api_key(body: ApiKeyIn, principal: BearerUser, request: Request, session: SessionDep,
                         runtime: RuntimeDep) -> ApiKeyCreatedOut:
    key, raw = await ApiKeyService(session, runtime).create(principal.user_id, body, client_ip(request))
    return ApiKeyCreatedOut(**ApiKeyOut.model_validate(key).model_dump(), key=raw)


@router.get("", response_model=ApiKeyList, summary="The caller's API keys (never the keys themselves)")
async def list_api_keys(principal: BearerUser, session: SessionDep, runtime: RuntimeDep) -> ApiKeyList:
    keys = await ApiKeyService(session, runtime).list(principal.user_id)
    return ApiKeyList(items=[ApiKeyOut.model_validate(k) for k in keys])


@router.delete("/{key_id}", response_model=ApiKeyOut, summary="Revoke an API key")
async def revoke_api_key(key_id: uuid.UUID, principal: BearerUser, request: Request, session: SessionDep,
                         runtime: RuntimeDep) -> ApiKeyOut:
    key = await ApiKeyService(session, runtime).revoke(principal.user_id, key_id, client_ip(request))
    return ApiKeyOut.model_validate(key)
