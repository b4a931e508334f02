"""Revocation markers in Redis that the forward-auth consults (every ``revocation_check_seconds``).

- ``auth:gen:<user>``: the user's token generation. An access token whose ``gen`` claim is lower is
  dead (disable, role change, password change). The database column is the truth; this mirror is
  rewritten at every login and refresh, so it heals itself if Redis loses it.
- ``auth:fam:<family>``: a refresh-token family (one login session) was revoked (logout, reuse);
  access tokens minted for it die too. Kept as long as such access tokens can live.
- ``auth:apikey:<digest>``: cached API-key records (with the user's generation, so a user change
  makes replicas re-read them); revocation overwrites the entry with a tombstone.
"""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

GENERATION_KEY = "auth:gen:{user_id}"
FAMILY_KEY = "auth:fam:{family_id}"
API_KEY_CACHE_KEY = "auth:apikey:{digest}"


class RevocationStore:
    def __init__(self, redis: Redis, access_token_ttl_seconds: int) -> None:
        self.redis = redis
        self.access_token_ttl_seconds = access_token_ttl_seconds

    async def publish_generation(self, user_id: uuid.UUID, generation: int) -> None:
        await self.redis.set(GENERATION_KEY.format(user_id=user_id), generation)

    async def revoke_family(self, family_id: uuid.UUID) -> None:
        # A little longer than an access token lives: after that no token of the family is left.
        await self.redis.set(FAMILY_KEY.format(family_id=family_id), 1, ex=self.access_token_ttl_seconds + 60)

    async def revoke_api_keys(self, digests: list[str], cache_seconds: int) -> None:
        """Tombstone the keys' cache entries. Replicas fill the cache with SET NX, so a replica that
        read the database before the revocation committed cannot put the live record back."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for digest in digests:
                pipe.set(API_KEY_CACHE_KEY.format(digest=digest), "revoked", ex=cache_seconds)
            await pipe.execute()
