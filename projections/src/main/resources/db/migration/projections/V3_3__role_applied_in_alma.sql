-- Whether the sign-off's production role was applied in Alma through the engine (step 6 through Alma) or by hand. NULL
-- is "no" (a rebuild's tables, made from these, keep no default), right for every row of a store from before this
-- version: no role went through Alma then. A store that recorded the master list's shape 1 rebuilds it (shape 2).
ALTER TABLE projection_master_list ADD COLUMN role_in_alma BOOLEAN;
