-- A key granted every operation there was (the first administrator's, made with all of them) means "everything":
-- it opens training:write too, which came after it. A key granted some operations keeps exactly those. (Its
-- ApiClientRegistered keeps the grant as it was made; the lookup is what the edge checks.)
UPDATE lookup_api_client
SET operations = '["audit:read","clients:write","jobs:read","jobs:write","master-list:read","metrics:read","readings:write","staff:read","staff:write","tickets:read","tickets:write","training:write"]'
WHERE operations = '["audit:read","clients:write","jobs:read","jobs:write","master-list:read","metrics:read","readings:write","staff:read","staff:write","tickets:read","tickets:write"]';
